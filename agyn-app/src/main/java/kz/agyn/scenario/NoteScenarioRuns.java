package kz.agyn.scenario;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.agyn.note.writer.ScenarioRuns;
import org.springframework.stereotype.Component;

/** The scenarios and their finished runs as the note writer reads them (a scenario-comparison block). */
@Component
class NoteScenarioRuns implements ScenarioRuns {

    private final ScenarioService scenarios;

    NoteScenarioRuns(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public List<Named> scenarios() {
        return scenarios.scenarios().stream().map(NoteScenarioRuns::named).toList();
    }

    @Override
    public Optional<Run> finished(UUID id) {
        return scenarios.finished(id).map(NoteScenarioRuns::run);
    }

    @Override
    public Optional<Run> latestFinished(Collection<Long> scenarioIds) {
        return scenarios.latestFinished(scenarioIds).map(NoteScenarioRuns::run);
    }

    @Override
    public List<Value> totals(UUID run) {
        return scenarios.results(run, List.of("TOTAL")).stream().filter(b -> b.codeIndex() == 0)
                .map(b -> new Value(b.position(), b.measure(), b.yearOffset(), b.mean())).toList();
    }

    @Override
    public List<String> measures() {
        return Arrays.stream(kz.agyn.scenario.engine.Measure.values()).map(Enum::name).toList();
    }

    private static Named named(Scenario s) {
        return new Named(s.id(), s.shipped(), s.name());
    }

    private static Run run(ScenarioService.FinishedRun r) {
        return new Run(r.id(), r.finishedAt(), r.startYear(), r.settings().horizon(), r.settings().draws(),
                r.settings().seed(), r.settings().scale(), r.scenarios().stream().map(NoteScenarioRuns::named)
                .toList(), r.data(), r.synthetic());
    }
}
