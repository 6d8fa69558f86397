package kz.agyn.survey;

import java.util.Collection;
import java.util.List;

/**
 * A skip rule: the question that carries it is asked only when the answer to an earlier question holds one of
 * {@code options} ({@link Mode#ANY_OF}), or holds none of them ({@link Mode#NONE_OF}). An unanswered or itself
 * skipped question holds nothing, so it hides an ANY_OF question and shows a NONE_OF one. The form applies the
 * rule in the browser and {@link FormService} again on the server, so a skipped question is neither required
 * nor stored.
 *
 * @param question the code of the earlier question
 * @param options  option codes of that question
 */
public record ShowIf(String question, Mode mode, List<String> options) {

    /** Whether the listed options must be among the answer, or absent from it. */
    public enum Mode {
        ANY_OF, NONE_OF
    }

    public ShowIf {
        options = List.copyOf(options);
    }

    /** Whether the question is asked, given the option codes chosen for {@link #question()}. */
    public boolean shows(Collection<String> chosen) {
        boolean any = chosen.stream().anyMatch(options::contains);
        return mode == Mode.ANY_OF ? any : !any;
    }
}
