package kz.agyn.note.web;

import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.note.Contradiction;
import kz.agyn.note.Dataset;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import kz.agyn.note.SourceDocument;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analytical note", description = "The figures of the analytical note of 06.11.2024 and the operator's "
        + "published Bolashak figures, each with its source; contradictions are tagged, not resolved")
class NoteApiController {

    private final NoteFigures figures;

    NoteApiController(NoteFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/note-figures")
    @Operation(summary = "Figures of the note (and of the operator's publications)")
    List<NoteFigure> list(
            @Parameter(description = "EMIGRATION, PAY, RND, BOLASHAK, REASONS, SURVEY, COST or POLICY")
            @RequestParam(required = false) String topic,
            @Parameter(description = "note-2024-11-06 or bolashak-published") @RequestParam(required = false)
            String dataset) {
        return figures.find(topic, dataset);
    }

    @GetMapping("/note-figures/{code}")
    @Operation(summary = "One figure by its code")
    NoteFigure one(@PathVariable String code) {
        return figures.figure(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No figure with code " + code));
    }

    @GetMapping("/sources")
    @Operation(summary = "Publications the figures come from")
    Collection<SourceDocument> sources() {
        return figures.sources().values();
    }

    @GetMapping("/contradictions")
    @Operation(summary = "Figures that disagree, with an explanation")
    List<Contradiction> contradictions() {
        return figures.contradictions();
    }

    @GetMapping("/note-datasets")
    @Operation(summary = "Datasets of figures")
    List<Dataset> datasets() {
        return figures.datasets();
    }
}
