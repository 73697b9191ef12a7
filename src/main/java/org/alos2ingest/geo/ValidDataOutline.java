package org.alos2ingest.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The outline of the valid data of a raster as one simple polygon of at most {@value #MAX_VERTICES}
 * vertices, from a validity mask (non-zero = data), as a footprint needs it: holes inside the swath
 * (lakes, radar shadow) are filled, stray specks apart from the swath are dropped, ragged and noisy
 * edges are smoothed outwards, never cutting into the data.
 *
 * <p>Steps: the largest 8-connected region of valid pixels; its holes filled; pinch points (pixels
 * touching only diagonally) bridged so that its boundary is one simple curve; that boundary traced
 * along pixel edges. Then, measured against its convex hull, every pocket where the boundary falls
 * short of the hull is filled unless it is deep and large (a ragged or noisy edge makes only shallow
 * pockets; a notch of radar shadow or a bay makes a deep one), and the result is simplified by
 * {@link OutwardSimplifier}, which only ever adds area and never goes beyond the hull. The usual SAR
 * swath, a quadrilateral, thus becomes its hull, reduced to the few vertices of its corners. Vertices are in pixel-corner coordinates of the mask: (0, 0) is the top-left
 * corner of pixel (0, 0), x to the right, y down.
 */
public final class ValidDataOutline {

    public static final int MAX_VERTICES = 64;
    /** A pocket (where the region falls short of its hull) shallower than this share of the region's size is filled. */
    private static final double POCKET_DEPTH = 0.01;
    /** ... and so is one whose area is below this share of the region's. */
    private static final double POCKET_AREA = 0.001;
    /** Area the simplifier may add, beyond what the vertex limit forces, as a fraction of the region. */
    private static final double AREA_BUDGET = 0.003;

    private static final byte OUT = 0;
    private static final byte IN = 1;
    private static final byte SEEN = 2;
    private static final byte KEEP = 3;

    private ValidDataOutline() {
    }

    /** One outline of a mask's data. */
    public record Result(List<double[]> ring, long regionPixels, long validPixels, long droppedPixels) {
    }

    /**
     * @param mask   row-major, {@code width * height} values, non-zero where the raster holds data
     * @throws IllegalArgumentException when the mask holds no data at all
     */
    public static Result outline(byte[] mask, int width, int height) {
        if ((long) width * height != mask.length) {
            throw new IllegalArgumentException("mask of " + mask.length + " values is not " + width + " x " + height);
        }
        byte[] s = new byte[mask.length];
        long valid = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                s[i] = IN;
                valid++;
            }
        }
        if (valid == 0) {
            throw new IllegalArgumentException("the raster holds no valid data (every pixel is 0)");
        }
        long kept = keepLargestRegion(s, width, height);
        long region = closeUp(s, width, height);
        List<double[]> ring = trace(s, width, height);
        double area = Math.abs(signedArea(ring));
        List<double[]> hull = ConvexHull.of(ring);
        List<double[]> shape = fillShallowPockets(ring, hull, area);
        double budget = AREA_BUDGET * area;
        List<double[]> simplified = null;
        if (shape.size() > hull.size()) {
            simplified = OutwardSimplifier.general(shape, hull, MAX_VERTICES, budget);
            if (simplified != null && !isSimple(simplified)) {
                simplified = null;
            }
        }
        if (simplified == null) {
            simplified = OutwardSimplifier.convex(hull, MAX_VERTICES, budget);
        }
        return new Result(simplified, region, valid, valid - kept);
    }

    /** Marks the largest 8-connected region KEEP and everything else OUT; returns its size. */
    private static long keepLargestRegion(byte[] s, int w, int h) {
        IntStack stack = new IntStack();
        long best = -1;
        int bestSeed = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == IN) {
                long n = flood(s, w, h, i, IN, SEEN, stack, true);
                if (n > best) {
                    best = n;
                    bestSeed = i;
                }
            }
        }
        flood(s, w, h, bestSeed, SEEN, KEEP, stack, true);
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] == KEEP ? IN : OUT;
        }
        return best;
    }

    /**
     * Fills holes and bridges pinch points until neither is left (a bridge may close a hole);
     * returns the region's pixel count.
     */
    private static long closeUp(byte[] s, int w, int h) {
        IntStack stack = new IntStack();
        boolean changed = true;
        while (changed) {
            fillHoles(s, w, h, stack);
            changed = bridgePinches(s, w, h);
        }
        long n = 0;
        for (byte b : s) {
            n += b == IN ? 1 : 0;
        }
        return n;
    }

    /** Background 4-connected to the border stays out; any other background is a hole and is filled. */
    private static void fillHoles(byte[] s, int w, int h, IntStack stack) {
        for (int x = 0; x < w; x++) {
            seedOutside(s, w, h, x, stack);
            seedOutside(s, w, h, (h - 1) * w + x, stack);
        }
        for (int y = 0; y < h; y++) {
            seedOutside(s, w, h, y * w, stack);
            seedOutside(s, w, h, y * w + w - 1, stack);
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] == SEEN ? OUT : IN;
        }
    }

    private static void seedOutside(byte[] s, int w, int h, int i, IntStack stack) {
        if (s[i] == OUT) {
            flood(s, w, h, i, OUT, SEEN, stack, false);
        }
    }

    /** Where two pixels of the region touch only at a corner, adds one of the other two. */
    private static boolean bridgePinches(byte[] s, int w, int h) {
        boolean changed = false;
        for (int y = 0; y + 1 < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                int a = y * w + x;
                boolean tl = s[a] == IN;
                boolean tr = s[a + 1] == IN;
                boolean bl = s[a + w] == IN;
                boolean br = s[a + w + 1] == IN;
                if (tl && br && !tr && !bl) {
                    s[a + 1] = IN;
                    changed = true;
                } else if (tr && bl && !tl && !br) {
                    s[a] = IN;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Relabels the component of {@code seed} holding {@code from} to {@code to}; returns its size. */
    private static long flood(byte[] s, int w, int h, int seed, byte from, byte to, IntStack stack, boolean eight) {
        long n = 0;
        stack.clear();
        stack.push(seed);
        s[seed] = to;
        while (!stack.isEmpty()) {
            int i = stack.pop();
            n++;
            int x = i % w;
            int y = i / w;
            for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                        continue;
                    }
                    int xx = x + dx;
                    if (xx < 0 || xx >= w) {
                        continue;
                    }
                    int j = yy * w + xx;
                    if (s[j] == from) {
                        s[j] = to;
                        stack.push(j);
                    }
                }
            }
        }
        return n;
    }

    /**
     * Follows the region's boundary along pixel edges, region on the right (x right, y down),
     * starting at the top-left corner of its first pixel; returns the corners where it turns.
     */
    private static List<double[]> trace(byte[] s, int w, int h) {
        int start = 0;
        while (s[start] != IN) {
            start++;
        }
        int sx = start % w;
        int sy = start / w;
        // directions: 0 east, 1 south, 2 west, 3 north
        int[] ddx = {1, 0, -1, 0};
        int[] ddy = {0, 1, 0, -1};
        List<double[]> out = new ArrayList<>();
        int x = sx;
        int y = sy;
        int d = 0;
        long guard = 4L * (w + 1) * (h + 1) + 8;
        do {
            x += ddx[d];
            y += ddy[d];
            boolean right;
            boolean left;
            switch (d) {
                case 0 -> {
                    right = in(s, w, h, x, y);
                    left = in(s, w, h, x, y - 1);
                }
                case 1 -> {
                    right = in(s, w, h, x - 1, y);
                    left = in(s, w, h, x, y);
                }
                case 2 -> {
                    right = in(s, w, h, x - 1, y - 1);
                    left = in(s, w, h, x - 1, y);
                }
                default -> {
                    right = in(s, w, h, x, y - 1);
                    left = in(s, w, h, x - 1, y - 1);
                }
            }
            int nd = !right ? (d + 1) % 4 : left ? (d + 3) % 4 : d;
            if (nd != d) {
                out.add(new double[] {x, y});
            }
            d = nd;
            if (--guard < 0) {
                throw new IllegalStateException("boundary trace did not close");
            }
        } while (x != sx || y != sy || d != 0);
        if (out.isEmpty() || out.get(out.size() - 1)[0] != sx || out.get(out.size() - 1)[1] != sy) {
            out.add(0, new double[] {sx, sy});
        }
        return out;
    }

    /**
     * The ring with each pocket between consecutive hull vertices replaced by the hull edge, unless
     * the pocket is both deeper than {@link #POCKET_DEPTH} of the region's size and larger than
     * {@link #POCKET_AREA} of its area.
     */
    static List<double[]> fillShallowPockets(List<double[]> ring, List<double[]> hull, double area) {
        IdentityHashMap<double[], Boolean> onHull = new IdentityHashMap<>();
        for (double[] h : hull) {
            onHull.put(h, Boolean.TRUE);
        }
        int n = ring.size();
        int first = 0;
        while (first < n && !onHull.containsKey(ring.get(first))) {
            first++;
        }
        if (first == n) {
            return ring;
        }
        double depthLimit = Math.max(2, POCKET_DEPTH * Math.sqrt(area));
        double areaLimit = POCKET_AREA * area;
        List<double[]> out = new ArrayList<>();
        int i = first;
        do {
            double[] a = ring.get(i);
            int j = (i + 1) % n;
            List<double[]> chain = new ArrayList<>();
            while (!onHull.containsKey(ring.get(j))) {
                chain.add(ring.get(j));
                j = (j + 1) % n;
            }
            double[] b = ring.get(j);
            out.add(a);
            if (!chain.isEmpty()) {
                double depth = 0;
                double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
                for (double[] c : chain) {
                    depth = Math.max(depth, Math.abs(ConvexHull.cross(a, b, c)) / Math.max(len, 1e-12));
                }
                List<double[]> pocket = new ArrayList<>(chain);
                pocket.add(0, a);
                pocket.add(b);
                if (depth > depthLimit && Math.abs(signedArea(pocket)) > areaLimit) {
                    out.addAll(chain);
                }
            }
            i = j;
        } while (i != first);
        return out;
    }

    private static boolean in(byte[] s, int w, int h, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && s[y * w + x] == IN;
    }

    /** Shoelace area: positive when the ring runs counter-clockwise with y up (clockwise on a y-down image). */
    static double signedArea(List<double[]> ring) {
        double a = 0;
        for (int i = 0, n = ring.size(); i < n; i++) {
            double[] p = ring.get(i);
            double[] q = ring.get((i + 1) % n);
            a += p[0] * q[1] - q[0] * p[1];
        }
        return a / 2;
    }

    static boolean isSimple(List<double[]> ring) {
        if (ring.size() < 3) {
            return false;
        }
        Coordinate[] c = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            c[i] = new Coordinate(ring.get(i)[0], ring.get(i)[1]);
        }
        c[ring.size()] = new Coordinate(c[0]);
        Polygon p = new GeometryFactory().createPolygon(c);
        return p.isValid();
    }

    /** A growable stack of ints for flood fills over millions of pixels. */
    private static final class IntStack {
        private int[] a = new int[1024];
        private int n;

        void push(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int pop() {
            return a[--n];
        }

        boolean isEmpty() {
            return n == 0;
        }

        void clear() {
            n = 0;
        }
    }
}
