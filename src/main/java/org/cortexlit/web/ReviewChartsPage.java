package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.cortexlit.screening.RecallProgress;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewReads;
import org.cortexlit.screening.ReviewStats;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.Status;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A review's progress as pictures: its records by status, and decisions per day and reviewer (SVG). */
@Path("/reviews/{id}/charts")
public class ReviewChartsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chart(BarChart chart);

        static native TemplateInstance recall(RecallChart chart);
    }

    /** The most days the decisions chart spans: the latest ones. */
    static final int DAYS = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final ReviewReads reads;
    private final Reviews reviews;

    public ReviewChartsPage(ReviewReads reads, Reviews reviews) {
        this.reads = reads;
        this.reviews = reviews;
    }

    @GET
    @Path("/status.svg")
    @Produces(PrismaPage.SVG + ";charset=UTF-8")
    public TemplateInstance status(@PathParam("id") long id) {
        ReviewStats stats = reads.progress(id).stats();
        Review review = reviews.review(id);
        List<Status> shown = new ArrayList<>(List.of(Status.values()));
        if (!review.isDual()) {
            shown.removeAll(List.of(Status.AWAITING_SECOND, Status.CONFLICT)); // single screening never has them
        }
        long[][] counts = new long[1][shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            counts[0][i] = stats.count(shown.get(i));
        }
        return Templates.chart(BarChart.of("status-chart", "Records by status in " + review.name, 520, 170,
                shown.stream().map(Status::label).toList(), List.of("records"), counts, null));
    }

    @GET
    @Path("/decisions.svg")
    @Produces(PrismaPage.SVG + ";charset=UTF-8")
    public TemplateInstance decisions(@PathParam("id") long id) {
        ReviewReads.DailyDecisions daily = reads.decisionsPerDay(id, DAYS);
        String name = reviews.review(id).name;
        String title = daily.days().isEmpty() ? "No decisions yet in " + name
                : "Decisions per day and reviewer in " + name + ", " + daily.days().get(0) + " to "
                + daily.days().get(daily.days().size() - 1);
        return Templates.chart(BarChart.of("decisions-chart", title, 520, 190,
                daily.days().stream().map(DAY::format).toList(), daily.reviewers(), daily.counts(), null));
    }

    /**
     * The review's recall curve: relevant records found against records screened, and the line a random order would
     * give over every record, taking the relevant records to be those found plus the knee method's estimate of the rest.
     */
    @GET
    @Path("/recall.svg")
    @Produces(PrismaPage.SVG + ";charset=UTF-8")
    public TemplateInstance recall(@PathParam("id") long id) {
        ReviewReads.Recall r = reads.recall(id);
        RecallProgress p = r.progress();
        String title = "Relevant records found against records screened in " + r.review().name + " ("
                + r.review().queueOrder.label() + ")";
        return Templates.recall(RecallChart.of("recall-chart", title, p.curve(), p.records(), p.expectedRelevant(), null,
                null, 560, 240));
    }
}
