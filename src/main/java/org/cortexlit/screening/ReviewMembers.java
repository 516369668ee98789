package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.accounts.User;

import java.util.Locale;
import java.util.Optional;

/** Who takes part in a review and how: leads settle records and change settings, reviewers screen. */
@ApplicationScoped
public class ReviewMembers {

    /** Someone to add to a review: a user name and a role (lead or reviewer; reviewer when null). */
    public record Candidate(String username, String role) {
    }

    /**
     * The role {@code candidate} would have, checked: an existing account that may screen (not a reader), and a
     * role that is lead or reviewer. Call inside a transaction; the exception's message says what is wrong.
     */
    ReviewMember.Role check(Candidate candidate) {
        String name = Inputs.trim(candidate.username());
        User user = name == null ? null : User.findByUsername(name).orElse(null);
        if (user == null) {
            throw ScreeningException.invalid("There is no user called '" + candidate.username() + "'. An admin adds users on "
                    + "the Users page.");
        }
        if (User.READER.equals(user.role)) {
            throw ScreeningException.invalid(name + " is a reader: readers search and read but never screen. "
                    + "An admin can make them a reviewer first.");
        }
        String role = candidate.role();
        try {
            return ReviewMember.Role.valueOf((role == null ? "REVIEWER" : role.trim()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScreeningException.invalid("A member is a lead or a reviewer, not '" + role + "'.");
        }
    }

    public void addMember(long reviewId, String username, String role, Actor actor) {
        Tx.tx(() -> {
            Review r = Review.require(reviewId);
            requireLead(r, actor);
            ReviewMember.Role newRole = check(new Candidate(username, role));
            String name = Inputs.trim(username);
            ReviewMember m = ReviewMember.find(reviewId, name).orElse(null);
            if (m != null && m.role == ReviewMember.Role.LEAD && newRole != ReviewMember.Role.LEAD
                    && ReviewMember.count("reviewId = ?1 and role = ?2", reviewId, ReviewMember.Role.LEAD) == 1) {
                throw ScreeningException.invalid("A review keeps at least one lead; make someone else lead first.");
            }
            String before = m == null ? null : m.role.name();
            if (m == null) {
                m = new ReviewMember();
                m.reviewId = reviewId;
                m.username = name;
            }
            m.role = newRole;
            m.persist();
            ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.MEMBER, before == null ? null : name + " " + before,
                    name + " " + newRole);
            return null;
        });
    }

    public void removeMember(long reviewId, String username, Actor actor) {
        Tx.tx(() -> {
            Review r = Review.require(reviewId);
            requireLead(r, actor);
            ReviewMember m = ReviewMember.find(reviewId, username)
                    .orElseThrow(() -> ScreeningException.notFound(username + " is not a member of this review."));
            if (m.role == ReviewMember.Role.LEAD && ReviewMember.count("reviewId = ?1 and role = ?2", reviewId,
                    ReviewMember.Role.LEAD) == 1) {
                throw ScreeningException.invalid("A review keeps at least one lead; make someone else lead first.");
            }
            m.delete();
            ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.MEMBER, username + " " + m.role, null);
            return null;
        });
    }

    /** The actor's role in the review, if a member. */
    public Optional<ReviewMember.Role> roleOf(long reviewId, Actor actor) {
        return ReviewMember.find(reviewId, actor.name()).map(m -> m.role);
    }

    public boolean isLead(Review r, Actor actor) {
        return actor.admin() || roleOf(r.id, actor).filter(role -> role == ReviewMember.Role.LEAD).isPresent();
    }

    public void requireLead(Review r, Actor actor) {
        if (!isLead(r, actor)) {
            throw ScreeningException.forbidden("Only the review's lead (or an admin) can do this.");
        }
    }

    public void requireScreener(Review r, Actor actor) {
        if (!actor.editor() || roleOf(r.id, actor).isEmpty()) {
            throw ScreeningException.forbidden("Only members of this review screen it; the lead adds members on "
                    + "the review's page.");
        }
    }
}
