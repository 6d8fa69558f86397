package kz.agyn.registry.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.registry.imports.AwardParser.AwardIn;
import kz.agyn.registry.imports.JobParser.JobIn;
import kz.agyn.registry.imports.ScholarParser.ScholarIn;
import kz.agyn.registry.imports.internal.RegistryImportRepository;
import kz.agyn.registry.keys.BlindIndex;
import kz.agyn.registry.keys.Pseudonym;
import org.springframework.stereotype.Component;

/**
 * The checks that need every row, and the registry: an IIN twice in the files or already registered (or erased),
 * an award reference or a scholar's job number twice. Each problem is said at the row it is about, in the file
 * that row came from. Rows already in the registry (the same reference, or scholar and {@code seq}) are set
 * aside and counted, so that importing the same files twice changes nothing.
 */
@Component
class RegistryImportChecks {

    private static final HexFormat HEX = HexFormat.of();

    /** The rows to write, with what writing them needs; {@code iinHashes} follows {@code scholars}. */
    record Checked(List<ScholarIn> scholars, List<byte[]> iinHashes, List<AwardIn> awards, List<JobIn> jobs,
                   int existing, Map<String, Long> registryScholars) {
    }

    private final RegistryImportRepository registry;
    private final BlindIndex index;
    private final Pseudonym pseudonym;

    RegistryImportChecks(RegistryImportRepository registry, BlindIndex index, Pseudonym pseudonym) {
        this.registry = registry;
        this.index = index;
        this.pseudonym = pseudonym;
    }

    /**
     * Checks the rows read against each other and against the registry ({@code registryScholars}: the scholars
     * there, by reference; {@code registryAwards}: the awards' references).
     */
    Checked check(RegistryFileReader.Rows rows, Map<String, Long> registryScholars, Set<String> registryAwards,
                  ProblemCollector problems, RegistryImportProgress progress) {
        progress.begin(RegistryImportProgress.Phase.CHECKING,
                rows.scholars().size() + rows.awards().size() + rows.jobs().size());
        int existing = 0;
        List<ScholarIn> scholars = new ArrayList<>();
        for (ScholarIn s : rows.scholars()) {
            if (registryScholars.containsKey(s.ref())) {
                existing++;
            } else {
                scholars.add(s);
            }
        }
        List<byte[]> iinHashes = checkIins(scholars, problems);
        progress.advance(rows.scholars().size());
        List<AwardIn> awards = new ArrayList<>();
        Set<String> awardRefs = new HashSet<>();
        for (AwardIn a : rows.awards()) {
            if (registryAwards.contains(a.ref())) {
                existing++;
                continue;
            }
            if (!awardRefs.add(a.ref())) {
                problems.report(a.at(), "award_ref", "registry.import.duplicateRef", a.ref());
            }
            awards.add(a);
        }
        progress.advance(rows.awards().size());
        progress.check();
        Set<Long> jobKeys = registry.jobKeys();
        List<JobIn> jobs = new ArrayList<>();
        Set<String> seqs = new HashSet<>();
        for (JobIn j : rows.jobs()) {
            if (!seqs.add(j.scholarRef() + "#" + j.seq())) {
                problems.report(j.at(), "seq", "registry.import.duplicateSeq", j.seq());
                continue;
            }
            Long id = registryScholars.get(j.scholarRef());
            if (id != null && jobKeys.contains(RegistryImportRepository.jobKey(id, j.seq()))) {
                existing++;
            } else {
                jobs.add(j);
            }
        }
        progress.advance(rows.jobs().size());
        return new Checked(scholars, iinHashes, awards, jobs, existing, registryScholars);
    }

    /** Reports IINs repeated in the files or already registered; returns the IINs' blind-index hashes, in order. */
    private List<byte[]> checkIins(List<ScholarIn> scholars, ProblemCollector problems) {
        Set<String> seen = new HashSet<>();
        for (ScholarIn s : scholars) {
            if (!seen.add(s.iin().value())) {
                problems.report(s.at(), "iin", "registry.import.duplicateIin", s.ref());
            }
        }
        if (scholars.isEmpty()) {
            return List.of();
        }
        Set<String> existing = registry.iinHashes();
        // People erased on request: their records keep only the pseudonym, a keyed function of the IIN. The
        // operator's record number is erased with the rest, so a file that still lists them is told so rather
        // than recording them again.
        Set<String> erased = registry.erasedPseudonyms();
        List<byte[]> hashes = new ArrayList<>(scholars.size());
        for (ScholarIn s : scholars) {
            // Current key first; the others are retired keys whose rows the re-key job has not reached yet.
            List<byte[]> candidates = index.iinCandidates(s.iin());
            hashes.add(candidates.get(0));
            if (candidates.stream().anyMatch(h -> existing.contains(HEX.formatHex(h)))) {
                problems.report(s.at(), "iin", "registry.import.iinExists", s.ref());
            } else if (!erased.isEmpty() && erased.contains(pseudonym.of(candidates.get(0)))) {
                problems.report(s.at(), "iin", "registry.import.erased", s.ref());
            }
        }
        return hashes;
    }
}
