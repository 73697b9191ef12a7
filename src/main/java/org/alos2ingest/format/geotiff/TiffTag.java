package org.alos2ingest.format.geotiff;

/** The TIFF 6.0, BigTIFF and GeoTIFF 1.1 tags this reader uses, with names for error messages. */
final class TiffTag {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int STRIP_OFFSETS = 273;
    static final int ORIENTATION = 274;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int PLANAR_CONFIGURATION = 284;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SAMPLE_FORMAT = 339;
    static final int MODEL_PIXEL_SCALE = 33550;
    static final int MODEL_TIEPOINT = 33922;
    static final int MODEL_TRANSFORMATION = 34264;
    static final int GEO_KEY_DIRECTORY = 34735;
    static final int GEO_DOUBLE_PARAMS = 34736;
    static final int GEO_ASCII_PARAMS = 34737;

    private TiffTag() {
    }

    static String name(int tag) {
        return switch (tag) {
            case NEW_SUBFILE_TYPE -> "NewSubfileType";
            case IMAGE_WIDTH -> "ImageWidth";
            case IMAGE_LENGTH -> "ImageLength";
            case BITS_PER_SAMPLE -> "BitsPerSample";
            case COMPRESSION -> "Compression";
            case PHOTOMETRIC -> "PhotometricInterpretation";
            case STRIP_OFFSETS -> "StripOffsets";
            case ORIENTATION -> "Orientation";
            case SAMPLES_PER_PIXEL -> "SamplesPerPixel";
            case ROWS_PER_STRIP -> "RowsPerStrip";
            case STRIP_BYTE_COUNTS -> "StripByteCounts";
            case PLANAR_CONFIGURATION -> "PlanarConfiguration";
            case PREDICTOR -> "Predictor";
            case TILE_WIDTH -> "TileWidth";
            case TILE_LENGTH -> "TileLength";
            case TILE_OFFSETS -> "TileOffsets";
            case TILE_BYTE_COUNTS -> "TileByteCounts";
            case SAMPLE_FORMAT -> "SampleFormat";
            case MODEL_PIXEL_SCALE -> "ModelPixelScaleTag";
            case MODEL_TIEPOINT -> "ModelTiepointTag";
            case MODEL_TRANSFORMATION -> "ModelTransformationTag";
            case GEO_KEY_DIRECTORY -> "GeoKeyDirectoryTag";
            case GEO_DOUBLE_PARAMS -> "GeoDoubleParamsTag";
            case GEO_ASCII_PARAMS -> "GeoAsciiParamsTag";
            default -> "tag " + tag;
        };
    }
}
