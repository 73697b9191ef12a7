package org.alos2ingest.identify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.SceneId;

/**
 * What a delivery's file name says before it is downloaded: JAXA names order zips
 * {@code <order>_<item>_<scene id>.zip} (the scene only), other sources name the whole product
 * ({@code ALOS2015976960-140909-FBDR1.5GUA.zip}). Used to skip downloads of cataloged scenes.
 */
public final class DeliveryNames {

    private static final Pattern SCENE = Pattern.compile("ALOS2\\d{9}-\\d{6}");
    private static final Pattern PRODUCT = Pattern.compile("ALOS2\\d{9}-\\d{6}-[A-Z]{3}[A-Z]\\d\\.\\d[A-Z_]{2}[A-Z]");

    private DeliveryNames() {
    }

    /** The first valid scene id in a file name. */
    public static Optional<SceneId> sceneId(String fileName) {
        Matcher m = SCENE.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(SceneId.parse(m.group()));
            } catch (IllegalArgumentException e) {
                // not a real date: keep looking
            }
        }
        return Optional.empty();
    }

    /** The first valid full product name (dataset id) in a file name. */
    public static Optional<ProductName> productName(String fileName) {
        Matcher m = PRODUCT.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(ProductName.parse(m.group()));
            } catch (IllegalArgumentException e) {
                // unknown mode or level: keep looking
            }
        }
        return Optional.empty();
    }
}
