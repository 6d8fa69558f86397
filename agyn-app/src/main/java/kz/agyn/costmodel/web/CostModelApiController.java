package kz.agyn.costmodel.web;

import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cost-model")
@Tag(name = "Cost model", description = "What the specialists who leave Kazakhstan in a year cost the country: "
        + "every parameter with its range and source, the total with its Monte Carlo band, the tornado, and the "
        + "check of the note's \"about 25 bn KZT a year\"")
class CostModelApiController {

    private final CostModelRunner runner;
    private final CostModelPresenter presenter;

    CostModelApiController(CostModelRunner runner, CostModelPresenter presenter) {
        this.runner = runner;
        this.presenter = presenter;
    }

    /**
     * A run's request. Values are Objects rather than doubles so that a value that is not a number is refused by
     * name (which parameter, what was sent) instead of as an unreadable body.
     */
    record RunRequest(
            @Schema(description = "Parameter code → value, e.g. {\"return_probability\": 0.4}; each value must lie "
                    + "within the parameter's bounds, allowedLow..allowedHigh (see GET /api/v1/cost-model), and fixes "
                    + "the parameter at that value")
            Map<String, Object> overrides,
            @Schema(description = "Monte Carlo draws, 100 to 20000; 2000 when absent")
            Integer draws,
            @Schema(description = "Seed of the random generator; the same seed gives the same band")
            Long seed,
            @Schema(description = "ISCO-08 major group (\"0\" to \"9\") → pay in KZT a month, e.g. {\"2\": 450000}, "
                    + "for the breakdown by occupation; the annual total by level does not use it")
            Map<String, Object> occupationPay,
            @Schema(description = "A named scenario to start from: \"model\" (the default) or \"note_25bn\", the "
                    + "note's 25 bn read as public spending on the tertiary years of the year's emigrants with a "
                    + "degree (see GET /api/v1/cost-model, scenarios); overrides apply on top of it")
            String scenario) {
    }

    @GetMapping
    @Operation(summary = "The cost model's parameters", description = "Every parameter with its code, its name in "
            + "the language of Accept-Language (kk, ru, en), unit, default value, plausible range (low/high), "
            + "bounds for overrides, Monte Carlo distribution and source; the formula; the named scenarios; the note's claim "
            + "and where it is stated; the limits of a run.")
    CostModelReport.Model model(Locale locale) {
        return presenter.model(runner.apply(null), locale);
    }

    @PostMapping(path = "/run", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Run the cost model", description = "Body: {\"overrides\": {\"code\": value}, \"draws\": "
            + "2000, \"seed\": 20241106, \"scenario\": \"model\"}, every field optional. An override fixes its "
            + "parameter at the value sent, which must lie within the parameter's bounds (min..max). Answers `total` "
            + "(the Monte Carlo mean of the annual cost to the country, KZT a year), `low` and `high` (P5 and P95 of "
            + "the Monte Carlo distribution; `total` lies between them), `atCentralValues` (every parameter at its "
            + "central value), the fiscal, economic and private `views`, the `reading` of the note's 25 bn, the cost per emigrant by education level "
            + "with its band and by occupation (ISCO-08 major group) at each occupation's pay, the tornado bars (widest swing first) and the check of the note's claim: where it "
            + "falls in the distribution and which single parameter value would give it. A bad override (unknown "
            + "code, not a number, outside the bounds), an unknown scenario or draws outside 100..20000 gives 400 with a "
            + "problem+json naming it, in the language of Accept-Language.")
    CostModelReport.Result run(@RequestBody(required = false) RunRequest request, Locale locale) {
        RunRequest r = request == null ? new RunRequest(null, null, null, null, null) : request;
        int draws = CostModelRunner.draws(r.draws());
        CostModelRunner.Applied applied = runner.apply(r.overrides(), r.occupationPay(),
                CostModelRunner.scenario(r.scenario()));
        if (!applied.errors().isEmpty()) {
            throw applied.errors().get(0).exception();
        }
        return presenter.result(runner.run(applied, draws, CostModelRunner.seed(r.seed())), locale);
    }
}
