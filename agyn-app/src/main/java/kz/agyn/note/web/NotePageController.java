package kz.agyn.note.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import kz.agyn.note.FigureFormatter;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every figure of the note with its quote and source, and where the sources disagree. */
@Controller
class NotePageController {

    private final NoteFigures figures;
    private final FigureFormatter formatter;

    NotePageController(NoteFigures figures, FigureFormatter formatter) {
        this.figures = figures;
        this.formatter = formatter;
    }

    @GetMapping("/note")
    String page(Model model, Locale locale) {
        Map<String, List<NoteFigure>> byTopic = figures.all().stream()
                .collect(Collectors.groupingBy(NoteFigure::topic, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> formatted = figures.all().stream()
                .collect(Collectors.toMap(NoteFigure::code, f -> formatter.format(f, locale)));
        model.addAttribute("byTopic", byTopic);
        model.addAttribute("formatted", formatted);
        model.addAttribute("labels", figures.all().stream()
                .collect(Collectors.toMap(NoteFigure::code, f -> f.label().in(locale))));
        model.addAttribute("sources", figures.sources());
        model.addAttribute("contradictions", figures.contradictions());
        model.addAttribute("datasets", figures.datasets());
        model.addAttribute("locale", locale);
        return "note";
    }
}
