package kz.agyn.registry.scholars.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import kz.agyn.registry.obligation.DecisionType;
import kz.agyn.registry.obligation.ObligationReason;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.scholars.RegistryCodeLabels;
import kz.agyn.registry.scholars.ScholarView;
import org.springframework.context.MessageSource;

/**
 * The scholar card's timeline: study, jobs, deadlines, officers' decisions and every change of state, merged
 * into one list in date order, so that an officer reads a history rather than five tables. Employers and the
 * officers' reasons and notes appear only in a personal view: for an analyst a job is its sector and place, and
 * a decision its kind, with a neutral "hidden" where the officer wrote something.
 */
final class ScholarTimeline {

    /**
     * One line; {@code by} is who recorded a change of state or a decision, else empty. {@code name} is a name in
     * the text shown as written (a university, an employer), which the page marks as not to be translated.
     */
    record Event(LocalDate date, String kind, String text, String by, String name) {

        /** The text before the name, the name, and the text after it (the whole text first when there is none). */
        public java.util.List<String> parts() {
            int at = name == null || name.isEmpty() ? -1 : text.lastIndexOf(name);
            return at < 0 ? java.util.List.of(text, "", "")
                    : java.util.List.of(text.substring(0, at), name, text.substring(at + name.length()));
        }
    }

    private static final Set<String> REASONS = Arrays.stream(ObligationReason.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> DECISIONS = Arrays.stream(DecisionType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final MessageSource messages;
    private final Locale locale;
    private final RegistryCodeLabels.In labels;
    private final List<Event> events = new ArrayList<>();

    private ScholarTimeline(MessageSource messages, Locale locale, RegistryCodeLabels.In labels) {
        this.messages = messages;
        this.locale = locale;
        this.labels = labels;
    }

    static List<Event> of(ScholarView s, MessageSource messages, Locale locale, RegistryCodeLabels.In labels) {
        ScholarTimeline t = new ScholarTimeline(messages, locale, labels);
        s.awards().forEach(t::award);
        s.employments().forEach(j -> t.job(j, s.personal()));
        t.events.sort(Comparator.comparing(Event::date).thenComparing(Event::kind));
        return List.copyOf(t.events);
    }

    private void award(ScholarView.AwardView a) {
        String degree = text("registry.degree." + a.degree());
        add(a.studyStart(), "STUDY_START", text("registry.timeline.studyStart", a.programme(), String.valueOf(a.callYear()), degree,
                a.university() == null ? "" : a.university(), labels.country(a.country())), "", a.university());
        if (a.actualEnd() != null) {
            add(a.actualEnd(), "STUDY_END", text("registry.timeline.studyEnd", degree), "");
        } else {
            add(a.plannedEnd(), "STUDY_END", text("registry.timeline.studyEndPlanned", degree), "");
        }
        ObligationStatus o = a.obligation();
        if (o != null) {
            add(o.returnDeadline(), "DEADLINE", text("registry.timeline.deadline"), "");
            add(o.returnedOn(), "RETURNED", text("registry.timeline.returned"), "");
            add(o.fulfilledOn(), "FULFILLED", text("registry.timeline.fulfilled"), "");
            add(o.projectedFulfilment(), "PROJECTED", text("registry.timeline.projected"), "");
        }
        for (ScholarView.DeferralView d : a.deferrals()) {
            add(d.from(), "DEFERRAL", text("registry.timeline.deferral", d.from(), d.to(),
                    words(d.reason(), d.reasonHidden())), nz(d.approvedBy()));
        }
        for (ScholarView.DecisionView d : a.decisions()) {
            add(d.date(), "DECISION", text("registry.timeline.decision", text("obligation.decision." + d.type()),
                    words(d.reason(), d.reasonHidden())), nz(d.decidedBy()), d.reason());
        }
        for (ScholarView.StatusEntry h : a.history()) {
            String from = h.from() == null ? "—" : text("obligation.state." + h.from());
            String why = reason(h.reason());
            // The officer's note is shown as written (marked so), like a university's or an employer's name.
            String note = words(h.note(), h.noteHidden());
            // The day the change took effect, not the day it was typed in; older rows only have the latter.
            add(h.effectiveOn() != null ? h.effectiveOn() : LocalDate.ofInstant(h.at(), ALMATY), "STATE", text("registry.timeline.state", from,
                    text("obligation.state." + h.to()), why.isEmpty() || note.isEmpty() ? why + note
                            : why + ": " + note), nz(h.by()), h.note());
        }
    }

    private void job(ScholarView.EmploymentView j, boolean personal) {
        String place = nz(labels.place(j.country(), j.region()));
        String sector = text("registry.sector." + j.sector());
        String who = personal && j.employer() != null ? j.employer() + ", " : "";
        String employer = personal ? j.employer() : null;
        add(j.start(), "JOB_START", text("registry.timeline.jobStart", who, sector, place), "", employer);
        add(j.end(), "JOB_END", text("registry.timeline.jobEnd", who, sector, place), "", employer);
    }

    /**
     * A change of state's reason code in the user's language: an evaluation's {@link ObligationReason}, a
     * decision's {@link DecisionType}, a correction. The officer's words are not in it (see {@link #words}).
     */
    private String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String code : reason.split(",")) {
            String c = code.strip();
            // A decision's type first: BREACH_DECLARED is both, and in the history it is the officer's decision.
            if (DECISIONS.contains(c)) {
                out.add(text("obligation.decision." + c));
            } else if (REASONS.contains(c)) {
                out.add(text("obligation.reason." + c));
            } else if (c.equals("CORRECTION")) {
                out.add(text("registry.timeline.correction"));
            }
            // NOTE and EVALUATION say nothing beyond the note or the state itself.
        }
        return String.join(" ", out);
    }

    /** An officer's words as this reader may see them: the text, a neutral "hidden", or nothing. */
    private String words(String text, boolean hidden) {
        if (text != null) {
            return text;
        }
        return hidden ? text("registry.hidden") : "";
    }

    private void add(LocalDate date, String kind, String text, String by) {
        add(date, kind, text, by, null);
    }

    private void add(LocalDate date, String kind, String text, String by, String name) {
        if (date != null) {
            events.add(new Event(date, kind, text, by, name));
        }
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
