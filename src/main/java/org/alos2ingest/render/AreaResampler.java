package org.alos2ingest.render;

/**
 * Shrinks a display image to any size by area averaging, as a browse image wants: each output pixel
 * is the mean of the valid values under it, weighted by how much of each input pixel it covers, and
 * is transparent (0) when less than half of it covers valid data. Reads the coarsest pyramid level
 * that is still finer than the output.
 */
final class AreaResampler {

    private AreaResampler() {
    }

    /** The source image at {@code width x height}, as display values. */
    static byte[] resample(DisplayPyramid pyramid, int width, int height) {
        double sx = pyramid.sourceWidth() / (double) width;
        double sy = pyramid.sourceHeight() / (double) height;
        DisplayPyramid.Level level = pyramid.forScale(Math.min(sx, sy));
        double f = level.factor();
        Weights wx = Weights.of(width, sx / f, level.width());
        Weights wy = Weights.of(height, sy / f, level.height());
        byte[] px = level.pixels();
        int lw = level.width();
        byte[] out = new byte[width * height];
        for (int oy = 0; oy < height; oy++) {
            for (int ox = 0; ox < width; ox++) {
                double sum = 0;
                double valid = 0;
                double all = 0;
                for (int j = wy.start[oy]; j < wy.start[oy + 1]; j++) {
                    int ly = wy.index[j];
                    double wyj = wy.weight[j];
                    for (int i = wx.start[ox]; i < wx.start[ox + 1]; i++) {
                        double w = wyj * wx.weight[i];
                        int v = px[ly * lw + wx.index[i]] & 0xff;
                        all += w;
                        if (v != 0) {
                            valid += w;
                            sum += w * v;
                        }
                    }
                }
                if (valid > 0 && valid >= 0.5 * all) {
                    out[oy * width + ox] = (byte) Math.max(1, Math.min(255, Math.round(sum / valid)));
                }
            }
        }
        return out;
    }

    /** For each output pixel along one axis, the input pixels it overlaps and by how much. */
    private static final class Weights {
        final int[] start;
        final int[] index;
        final double[] weight;

        private Weights(int[] start, int[] index, double[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        static Weights of(int outSize, double scale, int inSize) {
            int[] start = new int[outSize + 1];
            int cap = (int) Math.ceil(outSize * (Math.ceil(scale) + 2));
            int[] index = new int[cap];
            double[] weight = new double[cap];
            int n = 0;
            for (int o = 0; o < outSize; o++) {
                start[o] = n;
                double a = o * scale;
                double b = Math.min(inSize, (o + 1) * scale);
                for (int i = (int) Math.floor(a); i < b && i < inSize; i++) {
                    double w = Math.min(b, i + 1) - Math.max(a, i);
                    if (w > 1e-12) {
                        index[n] = i;
                        weight[n] = w;
                        n++;
                    }
                }
            }
            start[outSize] = n;
            return new Weights(start, index, weight);
        }
    }
}
