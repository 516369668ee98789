package org.cortexlit.library;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A person or a group (collective name); affiliations are stored one per line. */
public class Author {
    public String lastName;
    public String foreName;
    public String initials;
    public String collectiveName;
    public String affiliations;

    public Author() {
    }

    public Author(String lastName, String foreName, String initials, String collectiveName, String affiliations) {
        this.lastName = lastName;
        this.foreName = foreName;
        this.initials = initials;
        this.collectiveName = collectiveName;
        this.affiliations = affiliations;
    }

    public List<String> affiliationList() {
        return affiliations == null || affiliations.isEmpty() ? List.of() : Arrays.asList(affiliations.split("\n"));
    }

    /** "Lefaucheur JP", or the collective name: the form PubMed's [au] matches. */
    public String searchName() {
        if (collectiveName != null && !collectiveName.isBlank()) {
            return collectiveName;
        }
        if (lastName == null) {
            return foreName == null ? "" : foreName;
        }
        return initials == null || initials.isBlank() ? lastName : lastName + " " + initials;
    }

    /** A list of results' author line: "Lefaucheur JP, Nguyen JP, Keravel Y, et al." ({@code max} names at most). */
    public static String line(List<Author> authors, int max) {
        List<String> names = authors.stream().map(Author::searchName).filter(n -> !n.isBlank()).toList();
        String shown = String.join(", ", names.subList(0, Math.min(max, names.size())));
        return names.size() > max ? shown + ", et al." : shown;
    }

    /** "Jean-Pascal Lefaucheur", or the collective name: for display. */
    public String displayName() {
        if (collectiveName != null && !collectiveName.isBlank()) {
            return collectiveName;
        }
        if (foreName != null && !foreName.isBlank()) {
            return lastName == null ? foreName : foreName + " " + lastName;
        }
        return searchName();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Author that
                && Objects.equals(lastName, that.lastName)
                && Objects.equals(foreName, that.foreName)
                && Objects.equals(initials, that.initials)
                && Objects.equals(collectiveName, that.collectiveName)
                && Objects.equals(affiliations, that.affiliations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastName, foreName, initials, collectiveName, affiliations);
    }
}
