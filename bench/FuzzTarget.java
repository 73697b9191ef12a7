
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one @FuzzTest method through the JUnit Platform, as bench/fuzz.sh needs: one target per JVM
 * (Jazzer fuzzes one test per run) and libFuzzer's output straight on stderr rather than in surefire's
 * report files, which two targets of one class running side by side would share.
 *
 * Usage: JAZZER_FUZZ=1 java -cp target/test-classes:target/classes:DEPS bench/FuzzTarget.java org.pkg.SomeFuzzTest#method
 */
public class FuzzTarget {
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(args[0].contains("(") ? args[0] : args[0] + "(byte[])")).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        s.getFailures().forEach(f -> System.err.println("FINDING: " + f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
        System.err.println("TESTS: " + s.getTestsSucceededCount() + " passed, " + s.getTotalFailureCount() + " failed");
        System.exit(s.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
