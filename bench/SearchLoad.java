import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches a STAC API in a loop on T threads until a stop file appears (having printed STARTED as
 * it begins), then prints one line:
 * {@code RESULT <searches> <seconds> <per second> <p50 ms> <p99 ms> <errors> <decreases>}, where a
 * decrease is a search that listed fewer items than the one before it on the same thread.
 * Run as a single-file program: {@code java bench/SearchLoad.java URL THREADS STOPFILE}.
 */
public class SearchLoad {
    private static final Pattern RETURNED = Pattern.compile("\"numberReturned\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI search = URI.create(args[0].replaceAll("/$", "") + "/search?limit=1000");
        int threads = Integer.parseInt(args[1]);
        Path stop = Path.of(args[2]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger decreases = new AtomicInteger();
        System.out.println("STARTED");
        System.out.flush();
        long t0 = System.nanoTime();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                int last = 0;
                while (!Files.exists(stop)) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - s);
                        Matcher m = RETURNED.matcher(r.body());
                        if (r.statusCode() != 200 || !m.find()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        int n = Integer.parseInt(m.group(1));
                        if (n < last) {
                            decreases.incrementAndGet();
                        }
                        last = n;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
        System.out.printf(Locale.ROOT, "RESULT %d %.1f %.1f %.1f %.1f %d %d%n", sorted.size(), seconds, sorted.size() / seconds, p50, p99,
                errors.get(), decreases.get());
    }
}
