package kz.agyn.warehouse.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.Withdrawals;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API of {@link WithdrawalController}: withdraw an import or a version, retire or reinstate a dataset. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Warehouse", description = "Datasets, indicators and observations with their sources and versions")
class WithdrawalApiController {

    private final Withdrawals withdrawals;
    private final Warehouse warehouse;

    WithdrawalApiController(Withdrawals withdrawals, Warehouse warehouse) {
        this.withdrawals = withdrawals;
        this.warehouse = warehouse;
    }

    /** Why: required, kept in the history and the audit log. */
    record Reason(String reason) {
    }

    @PostMapping("/imports/{id}/withdraw")
    @Operation(summary = "Withdraw an accepted import (ADMIN)", description = "Its version is marked withdrawn, with "
            + "who, when and the reason given; if it was current, a new version holding the observations of the "
            + "latest earlier version that is not withdrawn (or none) becomes current. Nothing is deleted: `asOf` an "
            + "earlier instant still reads it. Audited.")
    Withdrawals.Outcome withdrawImport(@PathVariable UUID id, @RequestBody(required = false) Reason body,
                                       Authentication auth) {
        return withdrawals.withdrawImport(id, body == null ? null : body.reason(), auth.getName());
    }

    @PostMapping("/datasets/{code}/versions/{version}/withdraw")
    @Operation(summary = "Withdraw a version of a dataset (ADMIN)", description = "As withdrawing its import. "
            + "Audited.")
    Withdrawals.Outcome withdrawVersion(@PathVariable String code, @PathVariable int version,
                                        @RequestBody(required = false) Reason body, Authentication auth) {
        return withdrawals.withdrawVersion(code, version, body == null ? null : body.reason(), auth.getName());
    }

    @PostMapping("/datasets/{code}/retire")
    @Operation(summary = "Retire a dataset (ADMIN)", description = "Left out of the explorer, the observations, the "
            + "exports and the metrics unless named with `dataset=`; its page says it is retired. Reversible. "
            + "Audited.")
    DatasetInfo retire(@PathVariable String code, @RequestBody(required = false) Reason body, Authentication auth) {
        withdrawals.retire(code, body == null ? null : body.reason(), auth.getName());
        return dataset(code);
    }

    @PostMapping("/datasets/{code}/reinstate")
    @Operation(summary = "Reinstate a retired dataset (ADMIN)", description = "Audited.")
    DatasetInfo reinstate(@PathVariable String code) {
        withdrawals.reinstate(code);
        return dataset(code);
    }

    private DatasetInfo dataset(String code) {
        return warehouse.dataset(code).orElseThrow(() -> new ImportException("warehouse.dataset.notFound", code));
    }
}
