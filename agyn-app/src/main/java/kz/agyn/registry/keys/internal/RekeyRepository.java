package kz.agyn.registry.keys.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the re-key job after a key rotation. {@code reg_scholar} holds ciphertexts (its {@code _enc}
 * columns) and keyed hashes ({@code iin_hash}, the name hashes); the tables of {@link EncryptedText} hold
 * ciphertexts of free text and references (employers, evidence, reasons, notes). A row is stale when any of its
 * ciphertexts names another key id than the current one (bytes 2–5 of the value, see the cipher's format).
 */
@Repository
public class RekeyRepository {

    /** The encrypted columns, in the order of {@link RegistryRows.Scholar}'s byte arrays. */
    public static final List<String> ENCRYPTED = List.of("iin_enc", "last_name_enc", "first_name_enc",
            "patronymic_enc", "name_ru_enc", "name_latin_enc", "email_enc", "phone_enc");

    private static final String STALE = ENCRYPTED.stream()
            .map(c -> "(" + c + " IS NOT NULL AND substring(" + c + " from 2 for 4) <> :key)")
            .collect(Collectors.joining(" OR ", "(", ")"));

    private final JdbcClient jdbc;

    public RekeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of every table with at least one ciphertext under another key than {@code currentKeyId}. */
    public long countStale(byte[] currentKeyId) {
        long n = jdbc.sql("SELECT count(*) FROM reg_scholar WHERE " + STALE).param("key", currentKeyId)
                .query(Long.class).single();
        for (Map.Entry<String, List<EncryptedText>> t : EncryptedText.byTable().entrySet()) {
            n += jdbc.sql("SELECT count(*) FROM " + t.getKey() + " WHERE " + stale(t.getValue()))
                    .param("key", currentKeyId).query(Long.class).single();
        }
        return n;
    }

    /** A row of free text to re-key: its id and its ciphertexts in the order of its table's columns. */
    public record TextRow(long id, byte[][] values) {
    }

    /** As {@link #staleAfter} for a table of {@link EncryptedText}. */
    public List<TextRow> staleTextAfter(String table, byte[] currentKeyId, long afterId, int limit) {
        List<EncryptedText> columns = EncryptedText.byTable().get(table);
        return jdbc.sql("SELECT id, " + String.join(", ", columns.stream().map(EncryptedText::column).toList())
                        + " FROM " + table + " WHERE id > :after AND " + stale(columns)
                        + " ORDER BY id LIMIT :limit FOR UPDATE")
                .param("key", currentKeyId).param("after", afterId).param("limit", limit)
                .query((rs, n) -> {
                    byte[][] values = new byte[columns.size()][];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getBytes(i + 2);
                    }
                    return new TextRow(rs.getLong(1), values);
                }).list();
    }

    /** Writes a row's new ciphertexts, in the order of its table's columns. */
    public void rewriteText(String table, TextRow row) {
        List<EncryptedText> columns = EncryptedText.byTable().get(table);
        List<Object> params = new ArrayList<>();
        for (byte[] v : row.values()) {
            params.add(v); // nulls included: a column without a value stays without one
        }
        params.add(row.id());
        jdbc.sql("UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> c.column() + " = ?")
                .toList()) + " WHERE id = ?").params(params).update();
    }

    private static String stale(List<EncryptedText> columns) {
        return columns.stream().map(c -> "(" + c.column() + " IS NOT NULL AND substring(" + c.column()
                + " from 2 for 4) <> :key)").collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * Stale rows of every table by the key id (hex) their values name, other than the current one; a row whose
     * values name two old keys counts under both.
     */
    public Map<String, Long> staleByKeyId(byte[] currentKeyId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT encode(substring(v from 2 for 4), 'hex') AS key_id, count(DISTINCT s.id)
                        FROM reg_scholar s, unnest(ARRAY[iin_enc, last_name_enc, first_name_enc, patronymic_enc,
                          name_ru_enc, name_latin_enc, email_enc, phone_enc]) AS v
                        WHERE v IS NOT NULL AND substring(v from 2 for 4) <> :key
                        GROUP BY 1 ORDER BY 1""").param("key", currentKeyId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        for (Map.Entry<String, List<EncryptedText>> t : EncryptedText.byTable().entrySet()) {
            String values = String.join(", ", t.getValue().stream().map(EncryptedText::column).toList());
            jdbc.sql("SELECT encode(substring(v from 2 for 4), 'hex') AS key_id, count(DISTINCT t.id) FROM "
                            + t.getKey() + " t, unnest(ARRAY[" + values + "]) AS v "
                            + "WHERE v IS NOT NULL AND substring(v from 2 for 4) <> :key GROUP BY 1")
                    .param("key", currentKeyId)
                    .query((rs, n) -> out.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        }
        return new TreeMap<>(out);
    }

    /**
     * The next stale rows after {@code afterId}, by id, locked until the caller's transaction ends: an officer
     * anonymising or editing a row meanwhile waits for the batch instead of being overwritten by it.
     */
    public List<RegistryRows.Scholar> staleAfter(byte[] currentKeyId, long afterId, int limit) {
        return jdbc.sql("SELECT id, " + String.join(", ", ENCRYPTED) + ", pseudonym, birth_year, sex, synthetic, "
                        + "anonymised_at FROM reg_scholar WHERE id > :after AND " + STALE
                        + " ORDER BY id LIMIT :limit FOR UPDATE")
                .param("key", currentKeyId).param("after", afterId).param("limit", limit)
                .query((rs, n) -> new RegistryRows.Scholar(rs.getLong("id"), rs.getBytes("iin_enc"),
                        rs.getBytes("last_name_enc"), rs.getBytes("first_name_enc"), rs.getBytes("patronymic_enc"),
                        rs.getBytes("name_ru_enc"), rs.getBytes("name_latin_enc"), rs.getBytes("email_enc"),
                        rs.getBytes("phone_enc"), rs.getString("pseudonym"), rs.getInt("birth_year"),
                        rs.getString("sex"), rs.getBoolean("synthetic"), RegistryRepository.instant(
                                rs.getTimestamp("anonymised_at"))))
                .list();
    }

    /** Whether another row than {@code id} already has this IIN hash (the same person recorded twice). */
    public boolean iinHashTakenByOther(byte[] iinHash, long id) {
        return jdbc.sql("SELECT count(*) FROM reg_scholar WHERE iin_hash = ? AND id <> ?").params(iinHash, id)
                .query(Integer.class).single() > 0;
    }

    /**
     * Writes a row's new ciphertexts and hashes; a null {@code iinHash} keeps the stored one. The pseudonym is
     * never touched: see docs/decisions/0010-pseudonyms-survive-key-rotation.md.
     */
    public void rewrite(RegistryRows.Scholar s, byte[] iinHash, byte[] lastNameHash, byte[] firstNameHash) {
        jdbc.sql("""
                        UPDATE reg_scholar SET iin_hash = coalesce(?, iin_hash), iin_enc = ?, last_name_enc = ?,
                          first_name_enc = ?, patronymic_enc = ?, name_ru_enc = ?, name_latin_enc = ?, email_enc = ?,
                          phone_enc = ?, last_name_hash = ?, first_name_hash = ?
                        WHERE id = ?""")
                .params(iinHash, s.iin(), s.lastName(), s.firstName(), s.patronymic(), s.nameRu(), s.nameLatin(),
                        s.email(), s.phone(), lastNameHash, firstNameHash, s.id())
                .update();
    }
}
