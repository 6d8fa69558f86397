package kz.agyn.note;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.agyn.note.internal.NoteRepository;
import org.springframework.stereotype.Service;

/** The note's figures, their sources and contradictions. Loaded by migration, so read once and kept. */
@Service
public class NoteFigures {

    private final NoteRepository repository;
    private volatile Snapshot snapshot;

    public NoteFigures(NoteRepository repository) {
        this.repository = repository;
    }

    public List<NoteFigure> all() {
        return snapshot().figures;
    }

    public List<NoteFigure> find(String topic, String dataset) {
        return snapshot().figures.stream()
                .filter(f -> topic == null || f.topic().equalsIgnoreCase(topic))
                .filter(f -> dataset == null || f.dataset().equals(dataset))
                .toList();
    }

    public Optional<NoteFigure> figure(String code) {
        return Optional.ofNullable(snapshot().byCode.get(code));
    }

    /** The figure, or an error naming the code: the dashboard is built on these codes. */
    public NoteFigure require(String code) {
        return figure(code).orElseThrow(() -> new IllegalStateException("No figure with code " + code));
    }

    public Map<String, SourceDocument> sources() {
        return snapshot().sources;
    }

    public Optional<SourceDocument> source(String code) {
        return Optional.ofNullable(snapshot().sources.get(code));
    }

    public List<Contradiction> contradictions() {
        return snapshot().contradictions;
    }

    public List<Dataset> datasets() {
        return snapshot().datasets;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            List<NoteFigure> figures = repository.figures();
            s = new Snapshot(figures,
                    figures.stream().collect(Collectors.toUnmodifiableMap(NoteFigure::code, Function.identity())),
                    repository.sources().stream().collect(Collectors.toMap(SourceDocument::code, Function.identity(),
                            (a, b) -> a, LinkedHashMap::new)),
                    repository.contradictions(), repository.datasets());
            snapshot = s;
        }
        return s;
    }

    private record Snapshot(List<NoteFigure> figures, Map<String, NoteFigure> byCode,
                            Map<String, SourceDocument> sources, List<Contradiction> contradictions,
                            List<Dataset> datasets) {
    }
}
