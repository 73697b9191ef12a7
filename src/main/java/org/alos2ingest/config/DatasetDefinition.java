package org.alos2ingest.config;

import java.util.List;

/**
 * One entry of datasets.json: how a product is recognised and where it is published
 * (hysds-conventions.md).
 *
 * @param ipath           e.g. {@code ariamh::data/ALOS2_GeoTIFF}
 * @param level           e.g. {@code l1.5}
 * @param type            e.g. {@code L1.5_geotiff}
 * @param browseSortOrder regexes ordering browse images; empty for file-name order
 * @param indexSuffix     replaces {@code <version>_<dataset>} in the index name when set
 */
public record DatasetDefinition(String ipath, String level, String type, PythonRegex matchPattern,
                                Location publish, Location browse, List<String> browseSortOrder,
                                String indexSuffix, List<String> indexAliases) {

    /** A publish or browse target: location template, and URL templates under which it is served. */
    public record Location(String s3ProfileName, String location, List<String> urls) {
    }

    public DatasetDefinition {
        browseSortOrder = List.copyOf(browseSortOrder);
        indexAliases = List.copyOf(indexAliases);
    }

    /** The part of {@code ipath} after the slash: {@code ALOS2_GeoTIFF}. */
    public String dataset() {
        int slash = ipath.lastIndexOf('/');
        return slash < 0 ? ipath : ipath.substring(slash + 1);
    }

    /** GRQ's index for a dataset of this type: {@code grq_<version>_<dataset>} lower-cased, or {@code grq_<suffix>}. */
    public String indexName(String version) {
        String name = indexSuffix != null && !indexSuffix.isBlank() ? "grq_" + indexSuffix : "grq_" + version + "_" + dataset();
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
