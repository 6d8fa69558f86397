package kz.agyn.note.writer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.agyn.jobs.JobCancelledException;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.internal.NoteWriterRepository;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issuing notes: a template version written for a region, a period and a language as a job (kz.agyn.jobs), its
 * DOCX, PDF and HTML stored with what they were written from — the template version, the parameters, the date the
 * note bears and the warehouse dataset versions read — so that any issued note can be downloaded as it went out
 * and written again to the same bytes, whatever was imported or edited since.
 */
@Service
public class NoteIssues {

    private static final int LISTED = 200;

    private final NoteTemplates templates;
    private final NoteWriter writer;
    private final NoteWriterRepository repository;
    private final Jobs jobs;
    private final JsonMapper json = JsonMapper.builder().build();

    public NoteIssues(NoteTemplates templates, NoteWriter writer, NoteWriterRepository repository, Jobs jobs) {
        this.templates = templates;
        this.writer = writer;
        this.repository = repository;
        this.jobs = jobs;
    }

    /** An issued note as the history lists it; {@code job} its job's record (state, progress, outcome). */
    public record Issued(UUID id, String template, int templateVersion, String language, String region,
                         String period, String scenarios, LocalDate issuedOn, List<NoteParameters.DataVersion> data,
                         NoteParameters.Pins pins, String issuedBy, OffsetDateTime issuedAt, String title,
                         boolean written, JobView job) {

        /** "agyn-regional-note-2026-12-07-kk": what it is, of when, in which language. */
        public String fileName() {
            return "agyn-" + template + (region == null || region.isBlank() ? "" : "-" + region)
                    + (period == null || period.isBlank() ? "" : "-" + period) + "-" + issuedOn + "-" + language;
        }
    }

    /** Whether writing it again gave the same bytes, file by file. */
    public record Regenerated(boolean docx, boolean pdf, boolean html) {
        public boolean identical() {
            return docx && pdf && html;
        }
    }

    /**
     * Writes the note (template version, language, region, period checked; the warehouse read) and starts the job
     * that lays out and stores its files; the issued note's id at once.
     */
    public UUID issue(String code, Integer version, String region, String period, String language, LocalDate date,
                      String by) {
        return issue(code, version, region, period, null, language, date, by);
    }

    /**
     * As {@link #issue(String, Integer, String, String, String, LocalDate, String)}, with the scenarios compared
     * (shipped codes, names or numbers, comma-separated; blank: those the template names).
     */
    public UUID issue(String code, Integer version, String region, String period, String scenarios,
                      String language, LocalDate date, String by) {
        NoteTemplate t = templates.find(code, version).orElseThrow(() -> new UserException(
                UserException.Kind.NOT_FOUND, "note.write.unknownTemplate", code + (version == null ? ""
                : " v" + version)));
        Locale locale = language(language);
        NoteParameters p = NoteParameters.of(t, region, period, scenarios, date);
        // Written at once (reading the warehouse is quick): a query that finds nothing, an unknown placeholder
        // or region is refused to the analyst's face, not left in a failed job. The job lays out the files.
        NoteDocument d = writer.write(t, locale, p);
        UUID id = UUID.randomUUID();
        String r = t.parameters().containsKey("region") ? p.region() : null;
        String y = t.parameters().containsKey("period") ? p.period() : null;
        String s = t.parameters().containsKey("scenarios") ? p.scenarios() : null;
        repository.insertIssue(id, t.code(), t.version(), locale.getLanguage(), r, y, s, date, by, null);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("note", id.toString());
        parameters.put("template", t.code() + " v" + t.version());
        if (r != null) {
            parameters.put("region", r);
        }
        if (y != null) {
            parameters.put("period", y);
        }
        if (s != null) {
            parameters.put("scenarios", s);
        }
        parameters.put("language", locale.getLanguage());
        UUID job;
        try {
            job = jobs.submit(JobKind.NOTE_ISSUE, by, parameters, h -> {
                h.phase("NOTE_WRITE", 4L);
                h.done(1);
                h.stopIfCancelled();
                byte[] docx = IssuedFiles.docx(d);
                h.done(2);
                h.stopIfCancelled();
                byte[] pdf = IssuedFiles.pdf(d);
                h.done(3);
                h.stopIfCancelled();
                byte[] html = IssuedFiles.html(d);
                if (h.cancelRequested()) {
                    repository.delete(id);
                    throw new JobCancelledException();
                }
                repository.written(id, d.title(), json.writeValueAsString(d.data()),
                        json.writeValueAsString(d.pins()), docx, pdf, html);
                h.done(4);
                return JobOutcome.of("jobs.outcome.noteIssued", d.title());
            });
        } catch (RuntimeException e) {
            repository.delete(id);
            throw e;
        }
        repository.setJob(id, job);
        return id;
    }

    public List<Issued> issued() {
        return repository.issues(LISTED).stream().map(this::issued).toList();
    }

    public Optional<Issued> find(UUID id) {
        return repository.issue(id).map(this::issued);
    }

    /** A file of an issued note as it went out: "docx", "pdf" or "html". */
    public Optional<byte[]> file(UUID id, String format) {
        return repository.file(id, format);
    }

    /**
     * The issued note written again from what it was written from: the same template version, parameters and
     * date, the warehouse read at the dataset versions it read; the three files compared with those issued.
     */
    public Regenerated regenerate(UUID id) {
        NoteDocument d = rewrite(id);
        return new Regenerated(Arrays.equals(IssuedFiles.docx(d), file(id, "docx").orElse(null)),
                Arrays.equals(IssuedFiles.pdf(d), file(id, "pdf").orElse(null)),
                Arrays.equals(IssuedFiles.html(d), file(id, "html").orElse(null)));
    }

    /** The issued note written again as a file ("docx", "pdf" or "html"). */
    public byte[] regenerated(UUID id, String format) {
        NoteDocument d = rewrite(id);
        return switch (format) {
            case "docx" -> IssuedFiles.docx(d);
            case "pdf" -> IssuedFiles.pdf(d);
            default -> IssuedFiles.html(d);
        };
    }

    /** An issued note's text as the consistency check reads it (as a Word document's text). */
    public String text(UUID id) {
        return TextNote.render(rewrite(id));
    }

    private NoteDocument rewrite(UUID id) {
        Issued i = find(id).filter(Issued::written).orElseThrow(() -> new UserException(
                UserException.Kind.NOT_FOUND, "note.issue.notFound"));
        NoteTemplate t = templates.find(i.template(), i.templateVersion()).orElseThrow();
        NoteParameters p = NoteParameters.of(t, i.region(), i.period(), i.scenarios(), i.issuedOn())
                .pinnedTo(i.data(), i.pins());
        return writer.write(t, Locale.forLanguageTag(i.language()), p);
    }

    private Issued issued(NoteWriterRepository.IssueRow r) {
        List<NoteParameters.DataVersion> data = json.readValue(r.dataVersions(),
                new TypeReference<List<NoteParameters.DataVersion>>() { });
        NoteParameters.Pins pins = r.pins() == null || r.pins().isBlank() || r.pins().equals("{}")
                ? NoteParameters.Pins.NONE : json.readValue(r.pins(), NoteParameters.Pins.class);
        JobView job = r.jobId() == null ? null : jobs.find(r.jobId()).orElse(null);
        return new Issued(r.id(), r.templateCode(), r.templateVersion(), r.language(), r.region(), r.period(),
                r.scenarios(), r.issuedOn(), data, pins, r.issuedBy(), r.issuedAt(), r.title(), r.written(), job);
    }

    static Locale language(String code) {
        if (code == null || !List.of("kk", "ru", "en").contains(code)) {
            throw new UserException(UserException.Kind.INVALID, "note.write.unknownLanguage",
                    code == null ? "" : code);
        }
        return Locale.forLanguageTag(code);
    }
}
