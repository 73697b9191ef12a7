package org.alos2ingest.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Reduces the vertices of a ring without ever giving up area, so that a simplified footprint still
 * covers all the data its ring enclosed. Two moves, each adding one small triangle, cheapest first
 * (a Visvalingam-style order, by the area added):
 * <ul>
 *   <li>drop a reflex (inward) or straight vertex: the new edge passes outside it;</li>
 *   <li>drop an edge between two convex vertices: its two neighbouring edges are extended until they
 *       meet, outside the edge.</li>
 * </ul>
 * Moves go on while the ring has more than the allowed vertices, and then as long as the area added
 * stays within a budget. A move that would take a triangle over another vertex of the ring is not
 * made, which keeps the ring simple in practice; callers still check.
 */
final class OutwardSimplifier {

    private OutwardSimplifier() {
    }

    /** A convex ring (the hull): only edge drops apply, and the result stays convex. */
    static List<double[]> convex(List<double[]> hull, int maxVertices, double budget) {
        List<double[]> ring = new ArrayList<>(hull);
        double sign = Math.signum(ValidDataOutline.signedArea(ring));
        double added = 0;
        while (ring.size() > 3) {
            int n = ring.size();
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            double[] bestX = null;
            for (int i = 0; i < n; i++) {
                double[] a = ring.get((i - 1 + n) % n);
                double[] b = ring.get(i);
                double[] c = ring.get((i + 1) % n);
                double[] d = ring.get((i + 2) % n);
                double turn = ConvexHull.cross(a, b, c) * sign;
                if (Math.abs(turn) < 1e-12) {
                    best = i;
                    bestArea = 0;
                    bestX = null;
                    break;
                }
                double[] x = meet(a, b, d, c);
                if (x == null) {
                    continue;
                }
                double area = Math.abs(ConvexHull.cross(b, x, c)) / 2;
                if (area < bestArea) {
                    best = i;
                    bestArea = area;
                    bestX = x;
                }
            }
            if (best < 0 || (n <= maxVertices && added + bestArea > budget)) {
                break;
            }
            added += bestArea;
            if (bestX == null) {
                ring.remove(best);
            } else {
                int c = (best + 1) % n;
                ring.set(best, bestX);
                ring.remove(c);
            }
        }
        return ring;
    }

    /**
     * Where the line from a through b, beyond b, meets the line from d through c, beyond c; null when
     * they do not meet on that side (the turns at b and c add up to half a turn or more).
     */
    static double[] meet(double[] a, double[] b, double[] d, double[] c) {
        double rx = b[0] - a[0];
        double ry = b[1] - a[1];
        double sx = c[0] - d[0];
        double sy = c[1] - d[1];
        double den = rx * sy - ry * sx;
        if (Math.abs(den) < 1e-12) {
            return null;
        }
        double qx = c[0] - b[0];
        double qy = c[1] - b[1];
        double t = (qx * sy - qy * sx) / den;
        double u = (qx * ry - qy * rx) / den;
        if (t < 0 || u < 0) {
            return null;
        }
        return new double[] {b[0] + t * rx, b[1] + t * ry};
    }

    /**
     * Any simple ring. Returns null when it cannot get below {@code maxVertices} (every remaining
     * move blocked), for the caller to fall back on the hull.
     */
    static List<double[]> general(List<double[]> ring, List<double[]> hull, int maxVertices, double budget) {
        int n = ring.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        int[] version = new int[n];
        boolean[] alive = new boolean[n];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            xs[i] = ring.get(i)[0];
            ys[i] = ring.get(i)[1];
            prev[i] = (i - 1 + n) % n;
            next[i] = (i + 1) % n;
            alive[i] = true;
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double sign = Math.signum(ValidDataOutline.signedArea(ring));
        Grid grid = new Grid(minX, minY, maxX, maxY, n);
        for (int i = 0; i < n; i++) {
            grid.add(i, xs[i], ys[i]);
        }
        State st = new State(xs, ys, prev, next, version, alive, sign, grid, hull);
        PriorityQueue<Move> queue = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            st.offer(queue, i);
        }
        int count = n;
        double added = 0;
        while (count > 3 && !queue.isEmpty()) {
            Move m = queue.poll();
            if (!alive[m.vertex] || version[m.vertex] != m.version) {
                continue;
            }
            if (count <= maxVertices && added + m.area > budget) {
                break;
            }
            int v = m.vertex;
            if (!st.stillValid(m)) {
                version[v]++;
                continue;
            }
            added += m.area;
            int p = prev[v];
            int q = next[v];
            if (m.x == null) {
                alive[v] = false;
                next[p] = q;
                prev[q] = p;
                count--;
                st.touch(queue, p, q);
            } else {
                // v takes the meeting point; its successor goes
                alive[q] = false;
                int r = next[q];
                xs[v] = m.x[0];
                ys[v] = m.x[1];
                grid.add(v, xs[v], ys[v]);
                next[v] = r;
                prev[r] = v;
                count--;
                st.touch(queue, p, v, r);
            }
        }
        if (count > maxVertices) {
            return null;
        }
        List<double[]> out = new ArrayList<>(count);
        int start = 0;
        while (!alive[start]) {
            start++;
        }
        int i = start;
        do {
            out.add(new double[] {xs[i], ys[i]});
            i = next[i];
        } while (i != start);
        return out;
    }

    /** A candidate move at a vertex: drop it (x null) or replace it and its successor by x. */
    private record Move(double area, int vertex, int version, double[] x) implements Comparable<Move> {
        @Override
        public int compareTo(Move o) {
            return Double.compare(area, o.area);
        }
    }

    private static final class State {
        final double[] xs;
        final double[] ys;
        final int[] prev;
        final int[] next;
        final int[] version;
        final boolean[] alive;
        final double sign;
        final Grid grid;
        final List<double[]> hull;
        final double hullSign;

        State(double[] xs, double[] ys, int[] prev, int[] next, int[] version, boolean[] alive, double sign, Grid grid,
              List<double[]> hull) {
            this.hull = hull;
            this.hullSign = Math.signum(ValidDataOutline.signedArea(hull));
            this.xs = xs;
            this.ys = ys;
            this.prev = prev;
            this.next = next;
            this.version = version;
            this.alive = alive;
            this.sign = sign;
            this.grid = grid;
        }

        double[] pt(int i) {
            return new double[] {xs[i], ys[i]};
        }

        void touch(PriorityQueue<Move> queue, int... vs) {
            for (int v : vs) {
                int[] around = {prev[v], v};
                for (int u : around) {
                    version[u]++;
                    offer(queue, u);
                }
            }
        }

        void offer(PriorityQueue<Move> queue, int v) {
            double[] a = pt(prev[v]);
            double[] b = pt(v);
            double[] c = pt(next[v]);
            double turn = ConvexHull.cross(a, b, c) * sign;
            if (turn <= 1e-12) {
                // reflex or straight: dropping v adds triangle a b c
                queue.add(new Move(Math.abs(turn) / 2, v, version[v], null));
                return;
            }
            double[] d = pt(next[next[v]]);
            double turnC = ConvexHull.cross(b, c, d) * sign;
            if (turnC <= 1e-12) {
                return;
            }
            double[] x = OutwardSimplifier.meet(a, b, d, c);
            if (x != null && insideHull(x)) {
                queue.add(new Move(Math.abs(ConvexHull.cross(b, x, c)) / 2, v, version[v], x));
            }
        }

        /** Moves stay within the hull: a corner pushed out past it would only add area no data needs. */
        boolean insideHull(double[] p) {
            int n = hull.size();
            for (int i = 0; i < n; i++) {
                double[] a = hull.get(i);
                double[] b = hull.get((i + 1) % n);
                double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
                if (ConvexHull.cross(a, b, p) * hullSign < -1e-9 * Math.max(1, len)) {
                    return false;
                }
            }
            return true;
        }

        /** True when the move's triangle holds no other vertex of the ring. */
        boolean stillValid(Move m) {
            int v = m.vertex;
            double[] a;
            double[] b;
            double[] c;
            int skip1;
            int skip2;
            int skip3;
            if (m.x == null) {
                a = pt(prev[v]);
                b = pt(v);
                c = pt(next[v]);
                skip1 = prev[v];
                skip2 = v;
                skip3 = next[v];
            } else {
                a = pt(v);
                b = m.x;
                c = pt(next[v]);
                skip1 = v;
                skip2 = next[v];
                skip3 = -1;
            }
            double x0 = Math.min(a[0], Math.min(b[0], c[0]));
            double x1 = Math.max(a[0], Math.max(b[0], c[0]));
            double y0 = Math.min(a[1], Math.min(b[1], c[1]));
            double y1 = Math.max(a[1], Math.max(b[1], c[1]));
            return !grid.anyIn(x0, y0, x1, y1, i -> alive[i] && i != skip1 && i != skip2 && i != skip3
                    && xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1 && inTriangle(xs[i], ys[i], a, b, c));
        }

        private static boolean inTriangle(double px, double py, double[] a, double[] b, double[] c) {
            double d1 = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
            double d2 = (c[0] - b[0]) * (py - b[1]) - (c[1] - b[1]) * (px - b[0]);
            double d3 = (a[0] - c[0]) * (py - c[1]) - (a[1] - c[1]) * (px - c[0]);
            boolean neg = d1 < 0 || d2 < 0 || d3 < 0;
            boolean pos = d1 > 0 || d2 > 0 || d3 > 0;
            return !(neg && pos);
        }
    }

    /** A uniform grid of vertex ids, for finding vertices inside a small triangle. */
    private static final class Grid {
        private final double x0;
        private final double y0;
        private final double cell;
        private final int cols;
        private final int rows;
        private final int[][] cells;
        private final int[] sizes;

        Grid(double minX, double minY, double maxX, double maxY, int n) {
            double span = Math.max(maxX - minX, maxY - minY);
            int side = Math.max(1, (int) Math.sqrt(n));
            this.cell = Math.max(1e-9, span / side) * 1.0001;
            this.x0 = minX;
            this.y0 = minY;
            this.cols = (int) ((maxX - minX) / cell) + 1;
            this.rows = (int) ((maxY - minY) / cell) + 1;
            this.cells = new int[cols * rows][];
            this.sizes = new int[cols * rows];
        }

        void add(int id, double x, double y) {
            int cx = Math.max(0, Math.min(cols - 1, (int) ((x - x0) / cell)));
            int cy = Math.max(0, Math.min(rows - 1, (int) ((y - y0) / cell)));
            int k = cy * cols + cx;
            if (cells[k] == null) {
                cells[k] = new int[4];
            } else if (sizes[k] == cells[k].length) {
                cells[k] = Arrays.copyOf(cells[k], sizes[k] * 2);
            }
            cells[k][sizes[k]++] = id;
        }

        boolean anyIn(double ax, double ay, double bx, double by, IntPredicate test) {
            int cx0 = Math.max(0, (int) Math.floor((ax - x0) / cell));
            int cx1 = Math.min(cols - 1, (int) Math.floor((bx - x0) / cell));
            int cy0 = Math.max(0, (int) Math.floor((ay - y0) / cell));
            int cy1 = Math.min(rows - 1, (int) Math.floor((by - y0) / cell));
            for (int cy = cy0; cy <= cy1; cy++) {
                for (int cx = cx0; cx <= cx1; cx++) {
                    int k = cy * cols + cx;
                    for (int i = 0; i < sizes[k]; i++) {
                        if (test.test(cells[k][i])) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
