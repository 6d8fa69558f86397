package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.casework.internal.CaseworkRepository;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.scholars.ScholarService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instalment agreements for a debt: the amount is what the obligation says is owed on the day agreed (the
 * obligation sub-feature's repayment: spent to date plus the penalty), never typed by hand; the agreement is
 * recorded as the REPAYMENT_STARTED decision, whose amount column it fills; payments reduce the balance and the
 * last one records the REPAID decision. The longest term is the rule's {@code maxInstalmentYears} for the version
 * binding the award (15 years as seeded, the longest the operator has granted), so a change of policy is a new
 * rule version, not a change of code.
 */
@Service
public class Instalments {

    /** 30 years, the most any rule version may allow ({@code maxInstalmentYears} is 1–30); the table's check. */
    public static final int MAX_MONTHS = 360;

    private final CaseworkRepository repository;
    private final RegistryRepository registry;
    private final ScholarService scholars;
    private final ObligationService obligations;
    private final AuditLog audit;

    public Instalments(CaseworkRepository repository, RegistryRepository registry, ScholarService scholars,
                       ObligationService obligations, AuditLog audit) {
        this.repository = repository;
        this.registry = registry;
        this.scholars = scholars;
        this.obligations = obligations;
        this.audit = audit;
    }

    /** The agreement of an award as of {@code asOf} (today when null), if there is one. */
    public Optional<InstalmentPlan> plan(long awardId, LocalDate asOf, Access access) {
        WorkReports.requireRead(access);
        long scholar = scholarOf(awardId);
        LocalDate day = asOf == null ? obligations.today() : asOf;
        Optional<CaseworkRepository.AgreementRow> a = repository.agreement(awardId);
        audit.record(AuditAction.VIEW, RegistryAudit.SCHOLAR, scholar, 1, "instalments");
        return a.map(x -> build(x, repository.payments(x.id()), day));
    }

    /**
     * What the officer may agree today: the amount owed and the longest term; empty when there is nothing to agree
     * (no breach standing, or an agreement already made). Officers only: it is the agreement form's content.
     */
    public Optional<InstalmentTerms> terms(long awardId, Access access) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        if (repository.agreement(awardId).isPresent()) {
            return Optional.empty();
        }
        LocalDate today = obligations.today();
        ObligationStatus status = obligations.status(awardId, today);
        if (status.state() != ObligationState.IN_BREACH || status.repayment() == null) {
            return Optional.empty();
        }
        return Optional.of(new InstalmentTerms(awardId, today, whole(status.repayment().total().amount()),
                status.stateSince(), status.ruleVersion(), maxMonths(award, status.ruleVersion())));
    }

    /** Agrees instalments for an award in breach; returns the plan as of the day agreed. */
    @Transactional
    public InstalmentPlan agree(long awardId, NewAgreement n, Access access, String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        if (n == null || n.months() == null) {
            throw RegistryException.invalid("registry.casework.instalment.monthsRequired");
        }
        int max = maxMonths(award, obligations.status(awardId, obligations.today()).ruleVersion());
        if (n.months() < 1 || n.months() > max) {
            throw RegistryException.invalid("registry.casework.instalment.term", n.months(), max / 12);
        }
        if (repository.agreement(awardId).isPresent()) {
            throw RegistryException.conflict("registry.casework.instalment.exists");
        }
        LocalDate today = obligations.today();
        LocalDate agreed = n.agreedOn() == null ? today : n.agreedOn();
        if (agreed.isAfter(today)) {
            throw RegistryException.invalid("registry.casework.futureDate", agreed);
        }
        LocalDate starts = n.startsOn() == null ? agreed.plusMonths(1) : n.startsOn();
        if (starts.isBefore(agreed)) {
            throw RegistryException.invalid("registry.casework.instalment.startBeforeAgreement");
        }
        // The decision is checked against the state machine (only from IN_BREACH) and audited by the card's service.
        ObligationStatus status = scholars.decide(awardId, new NewDecision("REPAYMENT_STARTED", agreed, null, null,
                n.reason()), access, by);
        if (status.repayment() == null) {
            throw RegistryException.invalid("registry.casework.instalment.nothingOwed");
        }
        BigDecimal amount = whole(status.repayment().total().amount());
        Long decision = repository.stampDecisionAmount(awardId, "REPAYMENT_STARTED", amount);
        long id = repository.insertAgreement(awardId, decision, amount, n.months(), starts, agreed, by);
        return build(new CaseworkRepository.AgreementRow(id, awardId, decision, amount, n.months(), starts, agreed,
                by), List.of(), agreed);
    }

    /** Records a payment; the one that clears the balance records the REPAID decision with the amount. */
    @Transactional
    public InstalmentPlan pay(long awardId, NewPayment p, Access access, String by) {
        WorkReports.requireEdit(access);
        long scholar = scholarOf(awardId);
        CaseworkRepository.AgreementRow a = repository.agreement(awardId)
                .orElseThrow(() -> RegistryException.invalid("registry.casework.instalment.none"));
        if (p == null || p.amount() == null || p.amount().signum() <= 0) {
            throw RegistryException.invalid("registry.casework.payment.amount");
        }
        LocalDate today = obligations.today();
        LocalDate paidOn = p.paidOn() == null ? today : p.paidOn();
        if (paidOn.isAfter(today)) {
            throw RegistryException.invalid("registry.casework.futureDate", paidOn);
        }
        if (paidOn.isBefore(a.agreedOn())) {
            throw RegistryException.invalid("registry.casework.payment.beforeAgreement", a.agreedOn());
        }
        InstalmentPlan before = build(a, repository.payments(a.id()), LocalDate.MAX.minusDays(1));
        if (p.amount().compareTo(before.balance()) > 0) {
            throw RegistryException.invalid("registry.casework.payment.overBalance", before.balance().toPlainString());
        }
        repository.insertPayment(awardId, a.id(), paidOn, p.amount().setScale(2, RoundingMode.HALF_UP), by);
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, scholar, 1, "instalment payment");
        InstalmentPlan after = build(a, repository.payments(a.id()), today);
        if (after.balance().signum() == 0) {
            scholars.decide(awardId, new NewDecision("REPAID", paidOn, null, null, "instalments paid in full"),
                    access, by);
            repository.stampDecisionAmount(awardId, "REPAID", a.amount());
        }
        return after;
    }

    /** The schedule and balance of an agreement as of {@code asOf}: payments to date fill instalments in order. */
    static InstalmentPlan build(CaseworkRepository.AgreementRow a, List<CaseworkRepository.PaymentRow> rows,
                                LocalDate asOf) {
        List<InstalmentPlan.Payment> payments = rows.stream().filter(r -> !r.paidOn().isAfter(asOf))
                .map(r -> new InstalmentPlan.Payment(r.paidOn(), r.amount())).toList();
        BigDecimal paid = payments.stream().map(InstalmentPlan.Payment::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal monthly = a.amount().divide(BigDecimal.valueOf(a.months()), 0, RoundingMode.DOWN);
        BigDecimal left = paid;
        BigDecimal arrears = BigDecimal.ZERO;
        List<InstalmentPlan.Instalment> schedule = new ArrayList<>(a.months());
        for (int i = 0; i < a.months(); i++) {
            // Whole tenge each month; the last instalment takes what rounding left over.
            BigDecimal due = i == a.months() - 1 ? a.amount().subtract(monthly.multiply(BigDecimal.valueOf(i)))
                    : monthly;
            LocalDate dueOn = a.startsOn().plusMonths(i);
            BigDecimal covered = left.min(due);
            left = left.subtract(covered);
            InstalmentStatus s;
            if (covered.compareTo(due) == 0) {
                s = InstalmentStatus.PAID;
            } else if (dueOn.isBefore(asOf)) {
                s = InstalmentStatus.OVERDUE;
                arrears = arrears.add(due.subtract(covered));
            } else if (dueOn.equals(asOf)) {
                s = InstalmentStatus.DUE;
            } else {
                s = covered.signum() > 0 ? InstalmentStatus.PARTLY_PAID : InstalmentStatus.UPCOMING;
            }
            if (s == InstalmentStatus.OVERDUE && covered.signum() > 0) {
                s = InstalmentStatus.PARTLY_PAID;
            }
            schedule.add(new InstalmentPlan.Instalment(i + 1, dueOn, due, covered, s));
        }
        return new InstalmentPlan(a.awardId(), asOf, a.amount(), a.months(), a.startsOn(), a.agreedOn(),
                a.decisionId(), schedule, payments, paid, a.amount().subtract(paid), arrears);
    }

    private long scholarOf(long awardId) {
        return award(awardId).scholarId();
    }

    private RegistryRows.Award award(long awardId) {
        return registry.award(awardId).orElseThrow(() -> RegistryException.notFound("registry.award.notFound",
                awardId));
    }

    /** The longest term the rule version binding the award allows, in months. */
    private int maxMonths(RegistryRows.Award award, int ruleVersion) {
        int years = obligations.ruleBook().version(award.programme(), ruleVersion).maxInstalmentYears();
        return Math.min(MAX_MONTHS, years * 12);
    }

    private static BigDecimal whole(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP);
    }
}
