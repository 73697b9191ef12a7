package org.alos2ingest.identify;

import java.util.Optional;

/**
 * What a delivery's file name says before it is downloaded: JAXA names order zips
 * {@code <order>_<item>_<scene id>.zip} (the scene only), other sources name the whole product
 * ({@code ALOS2015976960-140909-FBDR1.5GUA.zip}). Used to skip downloads of cataloged scenes. The
 * grammar is {@link SceneId}'s and {@link ProductName}'s.
 */
public final class DeliveryNames {

    private DeliveryNames() {
    }

    /** The first valid scene id in a file name. */
    public static Optional<SceneId> sceneId(String fileName) {
        return SceneId.findIn(fileName);
    }

    /** The first valid full product name (dataset id) in a file name. */
    public static Optional<ProductName> productName(String fileName) {
        return ProductName.findIn(fileName);
    }
}
