package kz.agyn.registry.scholars;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import kz.agyn.kernel.Sex;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import kz.agyn.registry.keys.BlindIndex;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.keys.Pseudonym;
import kz.agyn.registry.obligation.DecisionType;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationRules;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.obligation.Sector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scholars, their awards and jobs. Every method takes the caller's {@link Access}: personal data are decrypted
 * only for {@link Access#PERSONAL}, analysts get the pseudonymised record, anyone else is refused; every read
 * and change is written to the audit log before the answer leaves.
 */
@Service
public class ScholarService {

    private static final String SUBJECT = RegistryAudit.SCHOLAR;
    private static final Set<String> DEGREES = Arrays.stream(DegreeLevel.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern FIELD = Pattern.compile("\\d{2,4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,24}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
    private static final Pattern BIN = Pattern.compile("\\d{12}");
    private static final int NAME_MAX = 100;
    /** The longest reason or note an officer may type, as the forms allow. */
    static final int TEXT_MAX = 1000;
    public static final int SEARCH_LIMIT = 200;

    private final RegistryRepository repository;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Pseudonym pseudonym;
    private final AuditLog audit;
    private final ObligationService obligations;
    private final ReferenceData reference;
    private final SecureRandom random = new SecureRandom();

    public ScholarService(RegistryRepository repository, PersonalDataCipher cipher, BlindIndex index,
                          Pseudonym pseudonym, AuditLog audit, ObligationService obligations,
                          ReferenceData reference) {
        this.repository = repository;
        this.cipher = cipher;
        this.index = index;
        this.pseudonym = pseudonym;
        this.audit = audit;
        this.obligations = obligations;
        this.reference = reference;
    }

    /**
     * Whether the registry holds any synthetic scholar, as the demonstration data load them. A yes or no about
     * no one in particular, so it asks for no {@link Access} and is not audited: whoever loads generated records
     * ({@code kz.agyn.demo.registry}) asks it before loading them a second time.
     */
    public boolean holdsSyntheticRecords() {
        return repository.holdsSyntheticScholars();
    }

    /** Records a scholar; the IIN must be valid and not yet in the registry. */
    @Transactional
    public long create(NewScholar n, Access access) {
        requireEdit(access);
        if (n == null) {
            throw RegistryException.invalid("registry.scholar.missing", "iin");
        }
        IinCheck check = Iin.check(n.iin());
        if (!check.valid()) {
            throw RegistryException.invalid("iin.reason." + check.reason().name());
        }
        Iin iin = Iin.parse(n.iin());
        if (n.birthDate() != null && !n.birthDate().equals(check.birthDate())) {
            throw RegistryException.invalid("registry.scholar.birthDateMismatch");
        }
        String sex = check.sex() == Sex.MALE ? "M" : "F";
        if (n.sex() != null && !n.sex().isBlank() && !sexCode(n.sex()).equals(sex)) {
            throw RegistryException.invalid("registry.scholar.sexMismatch");
        }
        String last = name("lastName", n.lastName(), true);
        String first = name("firstName", n.firstName(), true);
        String patronymic = name("patronymic", n.patronymic(), false);
        String nameRu = name("nameRu", n.nameRu(), false);
        String nameLatin = name("nameLatin", n.nameLatin(), false);
        String email = blank(n.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw RegistryException.invalid("registry.scholar.badEmail");
        }
        String phone = blank(n.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw RegistryException.invalid("registry.scholar.badPhone");
        }
        byte[] hash = index.iin(iin);
        // Under every loaded key: until the re-key job after a rotation has run, the same person may still be
        // recorded under the retired key's hash.
        if (!repository.idsByIinHash(index.iinCandidates(iin)).isEmpty()) {
            throw RegistryException.conflict("registry.scholar.exists");
        }
        // An anonymised record keeps its pseudonym, a keyed function of the IIN: a person erased on request is
        // not recorded again (and the pseudonym's uniqueness would refuse the row anyway, less clearly).
        if (repository.erased(pseudonym.of(hash))) {
            throw RegistryException.conflict("registry.scholar.erased");
        }
        RegistryRows.Scholar row = new RegistryRows.Scholar(0, enc("iin", iin.value()), enc("last_name", last),
                enc("first_name", first), enc("patronymic", patronymic), enc("name_ru", nameRu),
                enc("name_latin", nameLatin), enc("email", email), enc("phone", phone), pseudonym.of(hash),
                check.birthDate().getYear(), sex, Boolean.TRUE.equals(n.synthetic()), null);
        long id = repository.insertScholar(hash, row, index.name(last), index.name(first));
        repository.writeNameKeys(id, index.nameKeys(last, first, nameRu, nameLatin), BlindIndex.NAME_KEYS_VERSION);
        audit.record(AuditAction.CREATE, SUBJECT, id, 1, null);
        return id;
    }

    /** The whole record as this caller may see it, with each award's obligation evaluated today. */
    public ScholarView view(long id, Access access) {
        requireRead(access);
        RegistryRows.Scholar s = repository.scholar(id).orElseThrow(() -> RegistryException.notFound(
                "registry.scholar.notFound", id));
        audit.record(AuditAction.VIEW, SUBJECT, id, 1, access == Access.PERSONAL ? "personal" : "pseudonymised");
        return assemble(s, access == Access.PERSONAL);
    }

    /** A copy of everything held about the scholar, for the scholar (subject access); officers only. */
    public ScholarView subjectAccess(long id, Access access) {
        requireEdit(access);
        RegistryRows.Scholar s = repository.scholar(id).orElseThrow(() -> RegistryException.notFound(
                "registry.scholar.notFound", id));
        audit.record(AuditAction.SUBJECT_ACCESS, SUBJECT, id, 1, null);
        return assemble(s, true);
    }

    /**
     * Finds scholars by IIN (exact), by name or, for analysts, by pseudonym; the first {@value #SEARCH_LIMIT} at
     * most. See {@link #search(String, String, int, int, Access)}.
     */
    public List<ScholarSummary> search(String iinText, String nameText, Access access) {
        return search(iinText, nameText, 0, SEARCH_LIMIT, access).rows();
    }

    /**
     * One page of the scholars found by IIN (exact), by name, or, for analysts, by pseudonym, with the true number
     * found. A name is one or two words, "last" or "last first" (or "first last"), each matched whole in any
     * script and common spelling through its {@link kz.agyn.registry.keys.NameSkeleton} (see
     * {@link BlindIndex#nameKeys}); words after the second are ignored. An analyst cannot search by IIN or name.
     */
    public SearchResult search(String iinText, String nameText, int page, int size, Access access) {
        requireRead(access);
        if (page < 0 || size < 1 || size > SEARCH_LIMIT) {
            throw RegistryException.invalid("registry.search.badPage");
        }
        List<Long> ids;
        long total;
        String by;
        String iinValue = blank(iinText);
        String nameValue = blank(nameText);
        if (iinValue != null) {
            requireEdit(access);
            IinCheck check = Iin.check(iinValue);
            if (!check.valid()) {
                throw RegistryException.invalid("iin.reason." + check.reason().name());
            }
            ids = repository.idsByIinHash(index.iinCandidates(Iin.parse(iinValue)));
            total = ids.size();
            by = "iin";
        } else if (nameValue != null && nameValue.startsWith(Pseudonym.PREFIX) && Pseudonym.isWellFormed(nameValue)) {
            ids = repository.idByPseudonym(nameValue).map(List::of).orElse(List.of());
            total = ids.size();
            by = "pseudonym";
        } else if (nameValue != null) {
            requireEdit(access);
            if (nameValue.length() > NAME_MAX * 2) {
                throw RegistryException.invalid("registry.field.tooLong", "name", NAME_MAX * 2);
            }
            String[] words = nameValue.split("\\s+");
            byte[] one = index.nameKey(words[0]);
            byte[] two = words.length > 1 ? index.nameKey(words[1]) : null;
            if (one == null) {
                throw RegistryException.invalid("registry.search.noLetters");
            }
            // Two words are read both ways: officers type "last first" and "first last" alike.
            List<byte[]> last = two == null ? List.of(one) : List.of(one, two);
            List<byte[]> first = two == null ? null : List.of(two, one);
            total = repository.countByNameKeys(last, first);
            ids = repository.idsByNameKeys(last, first, (long) page * size, size);
            by = two == null ? "one name" : "two names";
        } else {
            throw RegistryException.invalid("registry.search.empty");
        }
        audit.record(AuditAction.SEARCH, SUBJECT, ids.size() == 1 ? ids.get(0) : null, ids.size(),
                "by " + by + (page > 0 ? ", page " + (page + 1) : ""));
        return new SearchResult(summaries(ids, access == Access.PERSONAL), total, page, size);
    }

    /** Lines for a list of scholars, in the order given; no audit row (the caller audits the list it shows). */
    public List<ScholarSummary> summaries(Collection<Long> ids, boolean personal) {
        Map<Long, RegistryRows.Scholar> scholars = repository.scholars(ids).stream()
                .collect(Collectors.toMap(RegistryRows.Scholar::id, Function.identity()));
        List<ScholarSummary> out = new ArrayList<>();
        for (Long id : ids) {
            RegistryRows.Scholar s = scholars.get(id);
            if (s == null) {
                continue;
            }
            List<RegistryRows.Award> awards = repository.awardsOf(id);
            RegistryRows.Award last = awards.isEmpty() ? null : awards.get(awards.size() - 1);
            RegistryRows.Obligation o = last == null ? null : repository.obligation(last.id()).orElse(null);
            out.add(new ScholarSummary(id, s.pseudonym(), personal ? fullName(s) : null, s.birthYear(), s.sex(),
                    last == null ? null : last.degree(), last == null ? null : last.callYear(),
                    last == null ? null : last.country(), o == null ? null : o.state(),
                    o == null ? null : (long) o.daysLeft(), s.synthetic()));
        }
        return out;
    }

    /**
     * Full names and IINs of many scholars at once, for lists an officer exports; empty for any other caller.
     * No audit row here: the caller audits the list with its size.
     */
    public Map<Long, Identity> identities(Collection<Long> ids, Access access) {
        if (access != Access.PERSONAL || ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Identity> out = new java.util.HashMap<>();
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        // Chunks keep each IN list far below the driver's limit of 32,767 bind parameters.
        for (int from = 0; from < all.size(); from += 5_000) {
            for (RegistryRows.Scholar s : repository.scholars(all.subList(from, Math.min(all.size(), from + 5_000)))) {
                out.put(s.id(), new Identity(fullName(s), dec("iin", s.iin())));
            }
        }
        return out;
    }

    /** A scholar's name and IIN, both null once anonymised. */
    public record Identity(String name, String iin) {
    }

    @Transactional
    public long addAward(long scholarId, NewAward a, Access access, String by) {
        requireEdit(access);
        scholarExists(scholarId);
        if (a == null) {
            throw RegistryException.invalid("registry.award.missing", "programme");
        }
        String programme = a.programme() == null || a.programme().isBlank() ? ObligationService.BOLASHAK
                : a.programme().strip().toUpperCase(Locale.ROOT);
        if (!repository.programmes().contains(programme)) {
            throw RegistryException.invalid("registry.rules.unknownProgramme", programme);
        }
        String degree = required("degree", a.degree()).toUpperCase(Locale.ROOT);
        if (!DEGREES.contains(degree)) {
            throw RegistryException.invalid("registry.award.badDegree", degree);
        }
        String field = required("field", a.field());
        if (!FIELD.matcher(field).matches()) {
            throw RegistryException.invalid("registry.award.badField", field);
        }
        String country = country("country", a.country());
        String university = required("university", a.university());
        LocalDate start = requiredDate("studyStart", a.studyStart());
        LocalDate planned = requiredDate("plannedEnd", a.plannedEnd());
        if (!planned.isAfter(start)) {
            throw RegistryException.invalid("registry.dates.order", "plannedEnd", "studyStart");
        }
        if (a.actualEnd() != null && a.actualEnd().isBefore(start)) {
            throw RegistryException.invalid("registry.dates.order", "actualEnd", "studyStart");
        }
        BigDecimal funding = a.fundingKzt();
        if (funding == null || funding.signum() < 0) {
            throw RegistryException.invalid("registry.award.badFunding");
        }
        int callYear = a.callYear() == null ? start.getYear() : a.callYear();
        if (callYear < 1993 || callYear > obligations.today().getYear() + 1) {
            throw RegistryException.invalid("registry.award.badCallYear", callYear);
        }
        LocalDate awardedOn = a.awardedOn() == null ? start : a.awardedOn();
        ObligationRules rules = a.ruleVersion() == null
                ? obligations.ruleBook().inForceOn(programme, awardedOn)
                : obligations.ruleBook().version(programme, a.ruleVersion());
        String guarantee = blank(a.guaranteeRef());
        if (guarantee != null && guarantee.length() > 200) {
            throw RegistryException.invalid("registry.field.tooLong", "guaranteeRef", 200);
        }
        BigDecimal spent = a.spentKzt();
        if (spent != null && spent.signum() < 0) {
            throw RegistryException.invalid("registry.award.badSpent");
        }
        long id = repository.insertAward(new RegistryRows.Award(0, scholarId, programme, rules.version(), callYear,
                degree, field, university, country, funding, seal(EncryptedText.GUARANTEE_REF, guarantee), awardedOn,
                start, planned, a.actualEnd(), false, Boolean.TRUE.equals(a.foreignGrant()),
                Boolean.TRUE.equals(a.honours()), spent));
        obligations.evaluate(repository.award(id).orElseThrow(), by);
        audit.record(AuditAction.UPDATE, SUBJECT, scholarId, 1, "award added");
        return id;
    }

    /** Records a job and re-evaluates the scholar's awards: days worked off change at once. */
    @Transactional
    public long addEmployment(long scholarId, NewEmployment e, Access access, String by) {
        requireEdit(access);
        scholarExists(scholarId);
        if (e == null) {
            throw RegistryException.invalid("registry.employment.missing", "employer");
        }
        String employer = required("employer", e.employer());
        String bin = blank(e.employerBin());
        if (bin != null && (!BIN.matcher(bin).matches() || Iin.checkDigit(bin.substring(0, 11))
                != bin.charAt(11) - '0')) {
            throw RegistryException.invalid("registry.employment.badBin");
        }
        Sector sector;
        try {
            sector = Sector.valueOf(required("sector", e.sector()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw RegistryException.invalid("registry.employment.badSector", e.sector());
        }
        String country = e.country() == null || e.country().isBlank() ? "KZ" : country("country", e.country());
        LocalDate start = requiredDate("start", e.start());
        if (e.end() != null && e.end().isBefore(start)) {
            throw RegistryException.invalid("registry.dates.order", "end", "start");
        }
        String region = blank(e.region());
        if ("KZ".equals(country)) {
            if (region == null) {
                throw RegistryException.invalid("registry.employment.regionRequired");
            }
            String r = region;
            if (reference.regionHistory().stream().map(Region::kato).noneMatch(k -> k.equals(r))) {
                throw RegistryException.invalid("registry.employment.badRegion", region);
            }
        } else {
            region = null;
        }
        String isco = blank(e.isco());
        if (isco != null && reference.occupations().stream().map(Occupation::code).noneMatch(isco::equals)) {
            throw RegistryException.invalid("registry.employment.badIsco", isco);
        }
        String band = blank(e.salaryBand());
        if (band != null && band.length() > 12) {
            throw RegistryException.invalid("registry.employment.badBand");
        }
        String evidence = blank(e.evidence());
        if (evidence != null && evidence.length() > 500) {
            throw RegistryException.invalid("registry.field.tooLong", "evidence", 500);
        }
        long id = repository.insertEmployment(new RegistryRows.Employment(0, scholarId,
                seal(EncryptedText.EMPLOYER, employer), seal(EncryptedText.EMPLOYER_BIN, bin), sector.name(), region,
                country, isco, start, e.end(), band, seal(EncryptedText.EVIDENCE, evidence), false), by);
        for (RegistryRows.Award a : repository.awardsOf(scholarId)) {
            obligations.evaluate(a, by);
        }
        audit.record(AuditAction.UPDATE, SUBJECT, scholarId, 1, "employment added");
        return id;
    }

    /** The scholar an award belongs to, so that a page about the award can return to the scholar's card. */
    public long scholarOfAward(long awardId) {
        return repository.award(awardId).orElseThrow(() -> RegistryException.notFound("registry.award.notFound",
                awardId)).scholarId();
    }

    /** An officer's decision on an award, or an approved deferral (type DEFERRAL). */
    @Transactional
    public ObligationStatus decide(long awardId, NewDecision d, Access access, String by) {
        requireEdit(access);
        RegistryRows.Award award = repository.award(awardId).orElseThrow(() -> RegistryException.notFound(
                "registry.award.notFound", awardId));
        if (d == null || d.type() == null) {
            throw RegistryException.invalid("registry.decision.badType", "");
        }
        String reason = d.reason() == null ? "" : d.reason().strip();
        if (reason.isEmpty()) {
            throw RegistryException.invalid("registry.decision.reasonRequired");
        }
        if (reason.length() > TEXT_MAX) {
            throw RegistryException.invalid("registry.field.tooLong", "reason", TEXT_MAX);
        }
        ObligationStatus status;
        if ("DEFERRAL".equalsIgnoreCase(d.type())) {
            LocalDate from = requiredDate("from", d.from());
            LocalDate to = requiredDate("to", d.to());
            if (to.isBefore(from)) {
                throw RegistryException.invalid("registry.dates.order", "to", "from");
            }
            repository.insertDeferral(awardId, from, to, seal(EncryptedText.DEFERRAL_REASON, reason), by);
            status = obligations.evaluate(award, by);
        } else {
            DecisionType type;
            try {
                type = DecisionType.valueOf(d.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException x) {
                throw RegistryException.invalid("registry.decision.badType", d.type());
            }
            status = obligations.decide(award, type, d.date() == null ? obligations.today() : d.date(), reason, by);
        }
        audit.record(AuditAction.UPDATE, SUBJECT, award.scholarId(), 1, "decision " + d.type());
        return status;
    }

    /** The obligations of a scholar's awards as of today, without personal data. */
    public List<ObligationStatus> obligations(long scholarId, Access access) {
        return obligations(scholarId, access, null);
    }

    /**
     * The obligations of a scholar's awards as of {@code asOf} (today if null), without personal data: decisions
     * dated later are left out, so an earlier day shows the obligation as it stood then.
     */
    public List<ObligationStatus> obligations(long scholarId, Access access, LocalDate asOf) {
        requireRead(access);
        LocalDate day = asOf == null ? obligations.today() : asOf;
        scholarExists(scholarId);
        List<RegistryRows.Award> awards = repository.awardsOf(scholarId);
        List<RegistryRows.Employment> jobs = repository.employmentsOf(scholarId);
        List<Long> ids = awards.stream().map(RegistryRows.Award::id).toList();
        Map<Long, List<RegistryRows.Deferral>> deferrals = repository.deferrals(ids).stream()
                .collect(Collectors.groupingBy(RegistryRows.Deferral::awardId));
        Map<Long, List<RegistryRows.Decision>> decisions = repository.decisions(ids).stream()
                .collect(Collectors.groupingBy(RegistryRows.Decision::awardId));
        return awards.stream().map(a -> obligations.preview(a, jobs, deferrals.getOrDefault(a.id(), List.of()),
                decisions.getOrDefault(a.id(), List.of()), day)).toList();
    }

    /**
     * Erases the scholar's personal data for good: what identifies them and everything officers wrote about them
     * (see {@link RegistryRepository#anonymise}); statistics and the pseudonym stay.
     */
    @Transactional
    public void anonymise(long id, Access access) {
        requireEdit(access);
        scholarExists(id);
        byte[] junk = new byte[BlindIndex.LENGTH];
        random.nextBytes(junk);
        repository.anonymise(id, junk);
        audit.record(AuditAction.ANONYMISE, SUBJECT, id, 1, null);
    }

    private ScholarView assemble(RegistryRows.Scholar s, boolean personal) {
        List<RegistryRows.Award> awards = repository.awardsOf(s.id());
        List<RegistryRows.Employment> jobs = repository.employmentsOf(s.id());
        List<Long> ids = awards.stream().map(RegistryRows.Award::id).toList();
        Map<Long, List<RegistryRows.Deferral>> deferrals = repository.deferrals(ids).stream()
                .collect(Collectors.groupingBy(RegistryRows.Deferral::awardId));
        Map<Long, List<RegistryRows.Decision>> decisions = repository.decisions(ids).stream()
                .collect(Collectors.groupingBy(RegistryRows.Decision::awardId));
        Map<Long, List<RegistryRows.Status>> history = repository.history(ids).stream()
                .collect(Collectors.groupingBy(RegistryRows.Status::awardId));
        List<ScholarView.AwardView> awardViews = new ArrayList<>();
        for (RegistryRows.Award a : awards) {
            List<RegistryRows.Deferral> ds = deferrals.getOrDefault(a.id(), List.of());
            List<RegistryRows.Decision> dec = decisions.getOrDefault(a.id(), List.of());
            // Free text is decrypted for personal access only; anyone else learns that there is some, not what.
            awardViews.add(new ScholarView.AwardView(a.id(), a.programme(), a.ruleVersion(), a.callYear(),
                    a.degree(), a.field(), a.university(), a.country(), a.fundingKzt(),
                    personal ? open(EncryptedText.GUARANTEE_REF, a.guaranteeRef()) : null, a.studyStart(),
                    a.plannedEnd(), a.actualEnd(), obligations.preview(a, jobs, ds, dec),
                    ds.stream().map(x -> new ScholarView.DeferralView(x.id(), x.from(), x.to(),
                            personal ? open(EncryptedText.DEFERRAL_REASON, x.reason()) : null,
                            !personal && x.reason() != null, x.approvedBy())).toList(),
                    dec.stream().map(x -> new ScholarView.DecisionView(x.id(), x.kind(), x.date(),
                            personal ? open(EncryptedText.DECISION_REASON, x.reason()) : null,
                            !personal && x.reason() != null, x.decidedBy())).toList(),
                    history.getOrDefault(a.id(), List.of()).stream().map(h -> new ScholarView.StatusEntry(h.from(),
                            h.to(), h.at(), h.by(), h.reason(),
                            personal ? open(EncryptedText.STATUS_NOTE, h.note()) : null,
                            !personal && h.note() != null, h.effectiveOn())).toList(),
                    a.foreignGrant(), a.honours(), a.spentKzt()));
        }
        List<ScholarView.EmploymentView> jobViews = jobs.stream().map(e -> new ScholarView.EmploymentView(e.id(),
                personal ? open(EncryptedText.EMPLOYER, e.employer()) : null,
                personal ? open(EncryptedText.EMPLOYER_BIN, e.employerBin()) : null, e.sector(), e.region(),
                e.country(), e.isco(), e.start(), e.end(), e.salaryBand(),
                personal ? open(EncryptedText.EVIDENCE, e.evidence()) : null, e.synthetic())).toList();
        if (!personal) {
            return new ScholarView(s.id(), s.pseudonym(), false, null, null, null, null, null, null, null, null, null,
                    s.birthYear(), s.sex(), s.synthetic(), s.anonymisedAt(), awardViews, jobViews);
        }
        String iin = dec("iin", s.iin());
        return new ScholarView(s.id(), s.pseudonym(), true, iin, dec("last_name", s.lastName()),
                dec("first_name", s.firstName()), dec("patronymic", s.patronymic()), dec("name_ru", s.nameRu()),
                dec("name_latin", s.nameLatin()), dec("email", s.email()), dec("phone", s.phone()),
                iin == null ? null : Iin.parse(iin).birthDate(), s.birthYear(), s.sex(), s.synthetic(),
                s.anonymisedAt(), awardViews, jobViews);
    }

    private String fullName(RegistryRows.Scholar s) {
        if (s.lastName() == null) {
            return null;
        }
        String p = dec("patronymic", s.patronymic());
        return dec("last_name", s.lastName()) + " " + dec("first_name", s.firstName()) + (p == null ? "" : " " + p);
    }

    private byte[] enc(String field, String value) {
        return value == null ? null : cipher.encrypt("scholar." + field, value);
    }

    private String dec(String field, byte[] value) {
        return value == null ? null : cipher.decrypt("scholar." + field, value);
    }

    private byte[] seal(EncryptedText column, String value) {
        return value == null ? null : cipher.encrypt(column.field(), value);
    }

    private String open(EncryptedText column, byte[] value) {
        return value == null ? null : cipher.decrypt(column.field(), value);
    }

    private void scholarExists(long id) {
        if (repository.scholar(id).isEmpty()) {
            throw RegistryException.notFound("registry.scholar.notFound", id);
        }
    }

    private static void requireRead(Access access) {
        if (access == Access.NONE) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
    }

    private static void requireEdit(Access access) {
        if (!access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
    }

    private static String name(String field, String value, boolean required) {
        String v = blank(value);
        if (v == null) {
            if (required) {
                throw RegistryException.invalid("registry.field.required", field);
            }
            return null;
        }
        if (v.length() > NAME_MAX) {
            throw RegistryException.invalid("registry.field.tooLong", field, NAME_MAX);
        }
        return v;
    }

    private String country(String field, String value) {
        String c = required(field, value).toUpperCase(Locale.ROOT);
        if (reference.country(c).isEmpty()) {
            throw RegistryException.invalid("registry.field.badCountry", field, c);
        }
        return c;
    }

    private static String required(String field, String value) {
        String v = blank(value);
        if (v == null) {
            throw RegistryException.invalid("registry.field.required", field);
        }
        if (v.length() > 200) {
            throw RegistryException.invalid("registry.field.tooLong", field, 200);
        }
        return v;
    }

    private static LocalDate requiredDate(String field, LocalDate value) {
        if (value == null) {
            throw RegistryException.invalid("registry.field.required", field);
        }
        return value;
    }

    private static String sexCode(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("M") || t.startsWith("Е") || t.startsWith("М") ? "M" : "F";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
