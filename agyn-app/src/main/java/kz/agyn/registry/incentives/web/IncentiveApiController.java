package kz.agyn.registry.incentives.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.registry.Access;
import kz.agyn.registry.incentives.IncentiveCost;
import kz.agyn.registry.incentives.IncentiveRule;
import kz.agyn.registry.incentives.IncentiveRuleException;
import kz.agyn.registry.incentives.IncentiveService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The incentives through the REST API: eligible counts and cost as of a day, and their rule texts. */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registry monitoring")
class IncentiveApiController {

    private final IncentiveService incentives;
    private final MessageSource messages;
    private final ProblemMessages problems;

    IncentiveApiController(IncentiveService incentives, MessageSource messages, ProblemMessages problems) {
        this.incentives = incentives;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/incentives")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "Incentives with eligible counts and annual cost", description = "Each rule as text and "
            + "parsed, the number of scholars eligible on `asOf` (ISO date, today when absent; costed by reported "
            + "salary band or at the assumed average), the amount per person when uniform and the annual cost (run "
            + "rate), with the sources. A day before 1993-01-01 or after 2100-12-31, or not a date, gives 400.")
    List<IncentiveCost> incentives(@RequestParam(required = false) String asOf, Authentication auth) {
        Access access = Access.of(auth);
        LocalDate day = IncentiveService.day(asOf);
        if (day == null) {
            return incentives.costs(access);
        }
        return incentives.costs(access, day);
    }

    @PutMapping(path = "/incentives/{code}", consumes = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Replace an incentive's rule text", description = "key = value lines; refused with "
            + "every problem and its line number when the text does not validate.")
    IncentiveRule update(@PathVariable String code, @RequestBody String text, Authentication auth) {
        return incentives.update(code, text, Access.of(auth), auth.getName());
    }

    /** Every problem of a rule text, located, in the caller's language (the generic handler tells only the first). */
    @ExceptionHandler(IncentiveRuleException.class)
    ProblemDetail badRules(IncentiveRuleException e, Locale locale) {
        List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of("line", p.row(),
                "code", p.code(), "message", problems.message(p, locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        problem.setProperty("code", e.code());
        problem.setProperty("errors", errors);
        return problem;
    }
}
