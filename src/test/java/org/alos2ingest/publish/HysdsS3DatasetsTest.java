package org.alos2ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.junit.jupiter.api.Test;

/** The shipped config/datasets.hysds-s3.json gives the old system's S3 locations and URLs. */
class HysdsS3DatasetsTest {

    @Test
    void publishesWhereTheOldSystemDid() {
        DatasetDefinitions defs = DatasetDefinitions.load(Path.of(System.getProperty("basedir", "."), "config/datasets.hysds-s3.json"));
        assertEquals(List.of("alos2_slc_md", "L1.5_geotiff", "L2.1_geotiff", "alos2_slc"), defs.all().stream().map(d -> d.type()).toList());
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", "/data", "DATASET_BUCKET", "aria-ops-dataset-bucket"));
        ObjectNode dataset = Json.object().put("starttime", "2017-02-09T05:10:58.457Z");
        ObjectNode met = Json.object().put("trackNumber", 32);

        DatasetMatch l15 = defs.match("/ALOS2146686640-170209-FBDR1.5GUA").orElseThrow();
        String location = l15.publishLocation(settings, "v0.2.4", dataset, met);
        assertEquals("s3://s3-us-west-2.amazonaws.com:80/aria-ops-dataset-bucket/datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA", location);
        assertEquals(List.of(
                "http://aria-ops-dataset-bucket.s3-website-us-west-2.amazonaws.com/datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA",
                "s3://s3-us-west-2.amazonaws.com:80/aria-ops-dataset-bucket/datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA"),
                l15.publishUrls(settings, "v0.2.4", dataset, met, "worker-1"));
        S3Location s3 = S3Location.parse(location);
        assertEquals("aria-ops-dataset-bucket", s3.bucket());
        assertEquals("us-west-2", s3.region());
        assertNull(s3.endpoint());
        assertEquals("datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA", s3.prefix());

        DatasetMatch md = defs.match("/ALOS2146686640-170209-FBDR1.1__A-md").orElseThrow();
        assertEquals("s3://s3-us-west-2.amazonaws.com:80/aria-ops-dataset-bucket/browse/alos2_slc_md/v0.1/2017/02/09/ALOS2146686640-170209-FBDR1.1__A-md",
                md.browseLocation(settings, "v0.1", dataset, met));
        assertEquals(true, Publishers.of(Map.of("file", new LocalPublisher(), "s3", new S3Publisher(S3Publisher.Config.from(settings, Map.of(),
                org.alos2ingest.util.Progress.silent())))).forLocation(location) instanceof S3Publisher);
    }
}
