package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.cortexlit.screening.ReviewReads;
import org.cortexlit.screening.Reviews;

/**
 * A review's PRISMA 2020 flow diagram as SVG, drawn from the same figures as {@code GET /api/reviews/{id}/progress};
 * the review's page shows it, and it downloads as a file for a manuscript.
 */
@Path("/reviews/{id}/prisma.svg")
public class PrismaPage {

    public static final String SVG = "image/svg+xml";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance prisma(PrismaDiagram d);
    }

    private final ReviewReads reads;
    private final Reviews reviews;

    public PrismaPage(ReviewReads reads, Reviews reviews) {
        this.reads = reads;
        this.reviews = reviews;
    }

    @GET
    @Produces(SVG + ";charset=UTF-8")
    public TemplateInstance prisma(@PathParam("id") long id) {
        ReviewReads.Progress p = reads.progress(id);
        return Templates.prisma(PrismaDiagram.of(reviews.review(id).name, p.stats().prisma(), p.stats().exclusionReasons()));
    }
}
