package kz.agyn.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's columns outside {@code reg_scholar} that hold what a person typed about a person (an officer's
 * reasons and notes, a job's employer and evidence) or a reference that can point at one (an employer's BIN, which
 * for a sole trader is the owner's IIN; a guarantee reference, which may name the guarantors). Each is stored
 * encrypted like the names are ({@code PersonalDataCipher}, AES-GCM, the field name as associated data), decrypted
 * only for callers with personal access, re-encrypted by the re-key job after a rotation and cleared by
 * anonymisation. Every table listed has a {@code bigint id} primary key.
 */
public enum EncryptedText {

    EMPLOYER("reg_employment", "employer_enc", "employment.employer"),
    EMPLOYER_BIN("reg_employment", "employer_bin_enc", "employment.employer_bin"),
    EVIDENCE("reg_employment", "evidence_enc", "employment.evidence"),
    GUARANTEE_REF("reg_award", "guarantee_ref_enc", "award.guarantee_ref"),
    DEFERRAL_REASON("reg_deferral", "reason_enc", "deferral.reason"),
    DECISION_REASON("reg_decision", "reason_enc", "decision.reason"),
    /** The officer's grounds of a change of state; the state's reason code stays in clear beside it. */
    STATUS_NOTE("reg_status_history", "note_enc", "status_history.note"),
    TASK_NOTE("reg_task", "note_enc", "task.note"),
    /** A six-monthly work report's employer and position (issue 15). */
    REPORT_EMPLOYER("reg_work_report", "employer_enc", "work_report.employer"),
    REPORT_POSITION("reg_work_report", "position_enc", "work_report.position"),
    /** A pledged property's description and address. */
    PLEDGE_PROPERTY("reg_security", "property_enc", "security.property"),
    /** The number of the pledge agreement or guarantee contract (V91): it leads to the property and its owner. */
    SECURITY_DOCUMENT("reg_security", "document_enc", "security.document"),
    /** A guarantor's name, IIN and contacts: personal data of someone who is not the scholar. */
    GUARANTOR_NAME("reg_guarantor", "name_enc", "guarantor.name"),
    GUARANTOR_IIN("reg_guarantor", "iin_enc", "guarantor.iin"),
    GUARANTOR_CONTACT("reg_guarantor", "contact_enc", "guarantor.contact"),
    /** Why a security or a guarantor was withdrawn or corrected (V101): an officer's words about a person. */
    SECURITY_WITHDRAWN_REASON("reg_security", "withdrawn_reason_enc", "security.withdrawn_reason"),
    GUARANTOR_WITHDRAWN_REASON("reg_guarantor", "withdrawn_reason_enc", "guarantor.withdrawn_reason");

    private final String table;
    private final String column;
    private final String field;

    EncryptedText(String table, String column, String field) {
        this.table = table;
        this.column = column;
        this.field = field;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** The field name the cipher binds the value to: a ciphertext moved to another column does not decrypt. */
    public String field() {
        return field;
    }

    /**
     * The condition, with one parameter (the scholar's id), that selects the rows of this column's table belonging
     * to a scholar: jobs and awards name the scholar, the rest hang off an award.
     */
    public String ofScholar() {
        return table.equals("reg_employment") || table.equals("reg_award") ? "scholar_id = ?"
                : "award_id IN (SELECT id FROM reg_award WHERE scholar_id = ?)";
    }

    /** The columns grouped by table, tables in declaration order. */
    public static Map<String, List<EncryptedText>> byTable() {
        Map<String, List<EncryptedText>> out = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(c -> out.computeIfAbsent(c.table, t -> new ArrayList<>()).add(c));
        return out;
    }
}
