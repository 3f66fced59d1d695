package dev.locustmaven.maven;

import dev.locustmaven.export.GrafanaDashboard;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a Grafana dashboard as a JSON file, ready to import or to provision, for the metrics that {@code check} pushes
 * to a Prometheus Pushgateway ({@code locust.pushgatewayUrl}): per service the latest verdict, and p95 latency, p99
 * latency, error rate and requests per second over time, with a selector of services. It reads only the results folder
 * (for the service names) and needs no Grafana or Prometheus to run.
 */
@Mojo(name = "dashboard", threadSafe = true)
public class DashboardMojo extends AbstractLocustMojo {

    /** Where the dashboard JSON is written. */
    @Parameter(
            property = "locust.dashboard.file",
            defaultValue = "${project.build.directory}/locust/grafana-dashboard.json")
    private File dashboardFile;

    /** The dashboard's title. */
    @Parameter(property = "locust.dashboard.title", defaultValue = "Locust performance: ${project.name}")
    private String dashboardTitle;

    /** The dashboard's uid in Grafana; default {@code locust-} + the artifactId. */
    @Parameter(property = "locust.dashboard.uid")
    private String dashboardUid;

    /**
     * The services selected when the dashboard opens (comma-separated with {@code -D}); default: the service folders
     * in {@code locust.resultsDirectory}, or all services when there are none.
     */
    @Parameter(property = "locust.dashboard.services")
    private List<String> dashboardServices;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
    private String artifactId;

    /** Skips this goal only; {@code locust.skip} skips every goal but the site's page. */
    @Parameter(property = "locust.dashboard.skip", defaultValue = "false")
    private boolean skipDashboard;

    @Override
    protected String goal() {
        return "dashboard";
    }

    @Override
    protected boolean skipsGoal() {
        return skipDashboard;
    }

    @Override
    protected void run() throws MojoExecutionException {
        List<String> services = dashboardServices == null || dashboardServices.isEmpty()
                ? ResultsDirectoryReader.serviceFolders(resultsDirectory.toPath())
                : dashboardServices;
        Map<String, String> grouping = pushgatewayInstance == null || pushgatewayInstance.isBlank()
                ? Map.of()
                : Map.of("instance", pushgatewayInstance);
        String uid =
                dashboardUid == null || dashboardUid.isBlank() ? GrafanaDashboard.uidFor(artifactId) : dashboardUid;
        new GrafanaDashboard(dashboardTitle, uid, pushgatewayJob, grouping, services).write(dashboardFile.toPath());
        getLog().info("Wrote the Grafana dashboard " + dashboardFile + " (uid " + uid + ", services "
                + (services.isEmpty() ? "all" : String.join(", ", services)) + ").");
    }
}
