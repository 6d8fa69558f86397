package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.casework.internal.CaseworkRepository;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.obligation.ObligationService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security of an award (issue 15): "a real-estate pledge worth at least the full cost of study, or guarantors
 * with joint liability". Everything about it names a person or leads to one (the property's address, the
 * guarantors' names, IINs and contacts, the agreement's number), so it is stored encrypted and only officers read
 * or write it, every read audited. The full cost of study is the award's funding ({@code funding_kzt}).
 * A record made by mistake is corrected or withdrawn, never deleted: the old row is marked withdrawn with who, when
 * and why (the grounds encrypted), a correction names the row it replaces, and each change is an audit row.
 */
@Service
public class Securities {

    static final int PROPERTY_MAX = 500;
    static final int DOCUMENT_MAX = 60;
    /** numeric(16, 2): anything larger is a typing mistake, refused before the database refuses it. */
    static final BigDecimal VALUE_MAX = new BigDecimal("99999999999999");

    private final CaseworkRepository repository;
    private final RegistryRepository registry;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ObligationService obligations;
    private final MessageSource messages;

    public Securities(CaseworkRepository repository, RegistryRepository registry, PersonalDataCipher cipher,
                      AuditLog audit, ObligationService obligations, MessageSource messages) {
        this.repository = repository;
        this.registry = registry;
        this.cipher = cipher;
        this.audit = audit;
        this.obligations = obligations;
        this.messages = messages;
    }

    /**
     * The award's security in force, if recorded; officers only, and the read is audited even when there is none.
     * Its {@code withdrawn} list carries what was withdrawn before.
     */
    public Optional<Security> security(long awardId, Access access) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        audit.record(AuditAction.VIEW, RegistryAudit.SCHOLAR, award.scholarId(), 1, "security award " + awardId);
        return repository.security(awardId).map(s -> view(s, award));
    }

    /** What was withdrawn or corrected on the award, latest first (also when nothing is in force now). */
    public List<Security.Withdrawn> withdrawn(long awardId, Access access) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        audit.record(AuditAction.VIEW, RegistryAudit.SCHOLAR, award.scholarId(), 1, "security history award "
                + awardId);
        return history(awardId);
    }

    /**
     * Corrects the pledge in force: the old record is withdrawn with the grounds and a new one, checked as a new
     * pledge is, takes its place and names it. 400 without grounds, 409 when the award has no pledge in force.
     */
    @Transactional
    public Security correctPledge(long awardId, NewPledge p, String reason, Access access, String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        String grounds = grounds(reason);
        CaseworkRepository.SecurityRow old = repository.security(awardId).filter(x -> x.kind().equals("PLEDGE"))
                .orElseThrow(() -> RegistryException.conflict("registry.casework.security.noPledge"));
        repository.withdrawSecurity(awardId, old.id(), seal(EncryptedText.SECURITY_WITHDRAWN_REASON, grounds), by);
        pledge(awardId, p, access, by);
        CaseworkRepository.SecurityRow corrected = repository.security(awardId).orElseThrow();
        repository.replaces("reg_security", corrected.id(), old.id());
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1,
                "security pledge corrected award " + awardId);
        return view(corrected, award);
    }

    /**
     * Corrects one guarantor: the old record is withdrawn with the grounds and a corrected one takes its place. An
     * empty IIN keeps the recorded one, so the card's form need not show the full number.
     */
    @Transactional
    public Security correctGuarantor(long awardId, long guarantorId, NewGuarantor g, String reason, Access access,
                                     String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        String grounds = grounds(reason);
        CaseworkRepository.GuarantorRow old = repository.guarantor(awardId, guarantorId)
                .orElseThrow(() -> RegistryException.notFound("registry.casework.guarantor.notFound", guarantorId));
        CaseworkRepository.SecurityRow security = repository.security(awardId).orElseThrow();
        String name = WorkReports.text("name", g == null ? null : g.name(), WorkReports.TEXT_MAX);
        String iin = g == null || g.iin() == null || g.iin().isBlank() ? open(EncryptedText.GUARANTOR_IIN, old.iin())
                : validIin(g.iin());
        String contact = optional("contact", g == null ? null : g.contact(), WorkReports.TEXT_MAX);
        boolean twice = repository.guarantors(security.id()).stream().filter(r -> r.id() != guarantorId)
                .anyMatch(r -> iin.equals(open(EncryptedText.GUARANTOR_IIN, r.iin())));
        if (twice) {
            throw RegistryException.conflict("registry.casework.guarantor.exists");
        }
        repository.withdrawGuarantor(guarantorId, seal(EncryptedText.GUARANTOR_WITHDRAWN_REASON, grounds), by);
        long id = repository.insertGuarantor(awardId, security.id(), seal(EncryptedText.GUARANTOR_NAME, name),
                seal(EncryptedText.GUARANTOR_IIN, iin), seal(EncryptedText.GUARANTOR_CONTACT, contact), by);
        repository.replaces("reg_guarantor", id, guarantorId);
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1,
                "security guarantor corrected award " + awardId);
        return view(security, award);
    }

    /**
     * Withdraws one guarantor with the grounds; the last one withdrawn withdraws the award's security with it, so
     * that another (a pledge) can be recorded. Empty when nothing is left in force.
     */
    @Transactional
    public Optional<Security> withdrawGuarantor(long awardId, long guarantorId, String reason, Access access,
                                                String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        String grounds = grounds(reason);
        repository.guarantor(awardId, guarantorId)
                .orElseThrow(() -> RegistryException.notFound("registry.casework.guarantor.notFound", guarantorId));
        CaseworkRepository.SecurityRow security = repository.security(awardId).orElseThrow();
        repository.withdrawGuarantor(guarantorId, seal(EncryptedText.GUARANTOR_WITHDRAWN_REASON, grounds), by);
        if (repository.guarantors(security.id()).isEmpty()) {
            repository.withdrawSecurity(awardId, security.id(), seal(EncryptedText.SECURITY_WITHDRAWN_REASON,
                    grounds), by);
        }
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1,
                "security guarantor withdrawn award " + awardId);
        return repository.security(awardId).map(x -> view(x, award));
    }

    /** Withdraws the award's security in force (a pledge, or the guarantors with it) with the grounds. */
    @Transactional
    public void withdraw(long awardId, String reason, Access access, String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        String grounds = grounds(reason);
        CaseworkRepository.SecurityRow security = repository.security(awardId)
                .orElseThrow(() -> RegistryException.conflict("registry.casework.security.noneInForce"));
        repository.withdrawSecurity(awardId, security.id(), seal(EncryptedText.SECURITY_WITHDRAWN_REASON, grounds),
                by);
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1, "security "
                + security.kind().toLowerCase(java.util.Locale.ROOT) + " withdrawn award " + awardId);
    }

    /** Records a pledge; refused (409) when the award already has a security. */
    @Transactional
    public Security pledge(long awardId, NewPledge p, Access access, String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        if (p == null) {
            throw RegistryException.invalid("registry.casework.required", "property");
        }
        String property = WorkReports.text("property", p.property(), PROPERTY_MAX);
        BigDecimal value = p.valueKzt();
        if (value == null || value.signum() <= 0 || value.compareTo(VALUE_MAX) > 0) {
            throw RegistryException.invalid("registry.casework.security.value");
        }
        LocalDate valuedOn = notFuture(p.valuedOn());
        String document = optional("documentNo", p.documentNo(), DOCUMENT_MAX);
        if (repository.security(awardId).isPresent()) {
            throw RegistryException.conflict("registry.casework.security.exists");
        }
        repository.insertSecurity(awardId, "PLEDGE", seal(EncryptedText.PLEDGE_PROPERTY, property),
                value.setScale(2, java.math.RoundingMode.HALF_UP), valuedOn,
                seal(EncryptedText.SECURITY_DOCUMENT, document), by);
        // Kind and award only: the address and the agreement's number stay out of the log.
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1, "security pledge award "
                + awardId);
        return view(repository.security(awardId).orElseThrow(), award);
    }

    /**
     * Adds a guarantor; the first one opens the award's security as GUARANTORS. Refused when the award is
     * secured by a pledge (409), when the IIN is not valid (400, the rule it breaks) or is already a guarantor.
     */
    @Transactional
    public Security guarantor(long awardId, NewGuarantor g, Access access, String by) {
        WorkReports.requireEdit(access);
        RegistryRows.Award award = award(awardId);
        if (g == null) {
            throw RegistryException.invalid("registry.casework.required", "name");
        }
        String name = WorkReports.text("name", g.name(), WorkReports.TEXT_MAX);
        String iin = validIin(g.iin());
        String contact = optional("contact", g.contact(), WorkReports.TEXT_MAX);
        String document = optional("documentNo", g.documentNo(), DOCUMENT_MAX);
        Optional<CaseworkRepository.SecurityRow> existing = repository.security(awardId);
        long securityId;
        if (existing.isEmpty()) {
            securityId = repository.insertSecurity(awardId, "GUARANTORS", null, null, null,
                    seal(EncryptedText.SECURITY_DOCUMENT, document), by);
        } else if (!existing.get().kind().equals("GUARANTORS")) {
            throw RegistryException.conflict("registry.casework.security.isPledge");
        } else {
            securityId = existing.get().id();
            // Decrypting a handful of IINs is cheaper than a blind index for a table of a few rows per award.
            boolean twice = repository.guarantors(securityId).stream()
                    .anyMatch(r -> iin.equals(open(EncryptedText.GUARANTOR_IIN, r.iin())));
            if (twice) {
                throw RegistryException.conflict("registry.casework.guarantor.exists");
            }
        }
        repository.insertGuarantor(awardId, securityId, seal(EncryptedText.GUARANTOR_NAME, name),
                seal(EncryptedText.GUARANTOR_IIN, iin), seal(EncryptedText.GUARANTOR_CONTACT, contact), by);
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, award.scholarId(), 1, "security guarantor award "
                + awardId);
        return view(repository.security(awardId).orElseThrow(), award);
    }

    /** The grounds of a correction or withdrawal: required, kept encrypted with the withdrawn record. */
    private static String grounds(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RegistryException.invalid("registry.casework.security.reasonRequired");
        }
        return WorkReports.text("reason", reason, WorkReports.TEXT_MAX);
    }

    private static String validIin(String text) {
        IinCheck check = Iin.check(text);
        if (!check.valid()) {
            throw RegistryException.invalid("iin.reason." + check.reason().name());
        }
        return Iin.parse(text).value();
    }

    private List<Security.Withdrawn> history(long awardId) {
        return repository.withdrawn(awardId).stream().map(w -> {
            String iin = open(EncryptedText.GUARANTOR_IIN, w.iin());
            return new Security.Withdrawn(w.what(), open(EncryptedText.PLEDGE_PROPERTY, w.property()), w.value(),
                    open(EncryptedText.GUARANTOR_NAME, w.name()), iin == null ? null : new Iin(iin).masked(),
                    w.withdrawnAt(), w.withdrawnBy(), w.what().equals("GUARANTOR")
                    ? open(EncryptedText.GUARANTOR_WITHDRAWN_REASON, w.reason())
                    : open(EncryptedText.SECURITY_WITHDRAWN_REASON, w.reason()), w.replaced());
        }).toList();
    }

    private Security view(CaseworkRepository.SecurityRow s, RegistryRows.Award award) {
        BigDecimal cost = award.fundingKzt();
        boolean below = s.value() != null && cost != null && s.value().compareTo(cost) < 0;
        // The reader's language: the request's locale, which the web layer has set for this thread.
        String warning = below ? messages.getMessage("registry.casework.security.belowCost",
                new Object[] {s.value().toPlainString(), cost.toPlainString()}, LocaleContextHolder.getLocale())
                : null;
        List<Security.Guarantor> guarantors = s.kind().equals("GUARANTORS")
                ? repository.guarantors(s.id()).stream().map(r -> {
                    String iin = open(EncryptedText.GUARANTOR_IIN, r.iin());
                    return new Security.Guarantor(r.id(), open(EncryptedText.GUARANTOR_NAME, r.name()), iin,
                            iin == null ? null : new Iin(iin).masked(), open(EncryptedText.GUARANTOR_CONTACT,
                            r.contact()));
                }).toList()
                : List.of();
        return new Security(s.awardId(), s.kind(), open(EncryptedText.PLEDGE_PROPERTY, s.property()), s.value(),
                s.valuedOn(), open(EncryptedText.SECURITY_DOCUMENT, s.document()), cost, below, warning, guarantors,
                history(s.awardId()));
    }

    private RegistryRows.Award award(long awardId) {
        return registry.award(awardId).orElseThrow(() -> RegistryException.notFound("registry.award.notFound",
                awardId));
    }

    private LocalDate notFuture(LocalDate day) {
        if (day != null && day.isAfter(obligations.today())) {
            throw RegistryException.invalid("registry.casework.futureDate", day);
        }
        return day;
    }

    private static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : WorkReports.text(field, value, max);
    }

    private byte[] seal(EncryptedText column, String value) {
        return value == null ? null : cipher.encrypt(column.field(), value);
    }

    private String open(EncryptedText column, byte[] value) {
        return value == null ? null : cipher.decrypt(column.field(), value);
    }
}
