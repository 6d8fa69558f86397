package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.agyn.AgynTest;
import kz.agyn.account.Role;
import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.Menu;
import kz.agyn.platform.menu.MenuEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What the features contribute to the platform's doors and menu, read from the running application: the platform
 * names none of their routes, every feature says its own, with roles that exist and menu texts in every language.
 */
class FeatureContributionsTest extends AgynTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Menu menu;

    @Autowired
    MessageSource messages;

    /** Which feature each access rule comes from, and what it says. */
    @Test
    void eachFeatureSaysWhoMayReachItsOwnRoutes() {
        Map<String, AccessRule> rules = context.getBeansOfType(AccessRule.class);
        Map<String, String> byFeature = rules.entrySet().stream().collect(Collectors.toMap(
                e -> declaredIn(e.getKey()) + " " + e.getValue().patterns(), e -> e.getValue().audience() + " "
                        + new TreeSet<>(e.getValue().roles())));
        assertThat(byFeature).containsOnly(
                Map.entry("kz.agyn.survey.web [/s/*]", "ANYONE []"),
                Map.entry("kz.agyn.account.web [/admin/users, /admin/users/**, /api/v1/users, /api/v1/users/**]",
                        "ROLES [ADMIN]"),
                Map.entry("kz.agyn.account.web [/admin/**]", "ROLES [ADMIN]"),
                Map.entry("kz.agyn.audit.web [/admin/audit, /admin/audit/**]", "ROLES [ADMIN]"),
                Map.entry("kz.agyn.jobs.web [/admin/jobs, /admin/jobs/**]", "ROLES [ADMIN]"),
                Map.entry("kz.agyn.registry.keys.web [/admin/registry-keys, /admin/registry-keys/**]",
                        "ROLES [ADMIN]"),
                Map.entry("kz.agyn.measure.web [/measures/new, /measures/*/edit]", "ROLES [ADMIN, ANALYST]"),
                Map.entry("kz.agyn.scenario.web [/scenarios, /scenarios/**, /api/v1/scenarios, /api/v1/scenarios/**, "
                        + "/api/v1/runs/**]", "ROLES [ADMIN, ANALYST, VIEWER]"),
                Map.entry("kz.agyn.residency.web [/residency, /residency/**, /api/v1/residency, /api/v1/residency/**]",
                        "ROLES [ADMIN, ANALYST, VIEWER]"),
                Map.entry("kz.agyn.note.writer.web [/note/templates, /note/templates/**, /note/issued, "
                        + "/note/issued/**, /api/v1/notes/issued, /api/v1/notes/issued/**]", "ROLES [ADMIN, ANALYST]"),
                Map.entry("kz.agyn.note.check.web [/note-check, /note-check/**, /api/v1/note-checks, "
                        + "/api/v1/note-checks/**]", "ROLES [ADMIN, ANALYST]"));
        // The administration area's rule comes after every feature's own rules for pages in it.
        AccessRule area = rules.values().stream().filter(r -> r.patterns().equals(List.of("/admin/**"))).findFirst()
                .orElseThrow();
        assertThat(rules.values()).allMatch(r -> r == area || r.order() < area.order());
    }

    /**
     * The platform's security configuration names no route a feature serves: no string in it starts with the
     * first segment of a path that a feature's rule or menu entry names.
     */
    @Test
    void thePlatformNamesNoFeaturesRoute() throws IOException {
        Set<String> featureRoots = new TreeSet<>();
        context.getBeansOfType(AccessRule.class).forEach((name, rule) -> rule.patterns()
                .forEach(p -> featureRoots.add(root(p))));
        context.getBeansOfType(MenuEntry.class).forEach((name, entry) -> {
            if (!declaredIn(name).startsWith("kz.agyn.platform")) {
                featureRoots.add(root(entry.href()));
            }
        });
        featureRoots.remove("/");
        assertThat(featureRoots).contains("/s", "/admin", "/api/v1/users", "/warehouse", "/registry", "/surveys");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/kz/agyn/platform/security"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String root : featureRoots) {
                    if (source.contains("\"" + root + "/") || source.contains("\"" + root + "\"")) {
                        found.add(file.getFileName() + " names " + root);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Roles are named as text (the platform knows no feature's enum): each must be one of the account's roles. */
    @Test
    void everyRoleNamedIsARole() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<String> named = new ArrayList<>();
        context.getBeansOfType(AccessRule.class).values().forEach(r -> named.addAll(r.roles()));
        for (MenuEntry e : menu.entries()) {
            for (MenuEntry shown = e; shown != null; shown = shown.fallback()) {
                named.addAll(shown.roles());
            }
        }
        assertThat(named).isNotEmpty().allMatch(roles::contains);
    }

    /** Every link of the menu has its text in Kazakh, Russian and English, and a place of its own. */
    @Test
    void everyMenuEntryIsWrittenInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (MenuEntry e : menu.entries()) {
            for (MenuEntry shown = e; shown != null; shown = shown.fallback()) {
                for (String lang : List.of("kk", "ru", "en")) {
                    try {
                        messages.getMessage(shown.messageKey(), null, Locale.forLanguageTag(lang));
                    } catch (NoSuchMessageException ex) {
                        missing.add(shown.messageKey() + " in " + lang);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(menu.entries()).extracting(MenuEntry::order).doesNotHaveDuplicates();
    }

    /** The package of the configuration class that declares the bean. */
    private String declaredIn(String beanName) {
        String factory = context.getBeanFactory().getBeanDefinition(beanName).getFactoryBeanName();
        return context.getType(factory).getPackageName();
    }

    /** "/admin/users/**" → "/admin"; "/api/v1/users/**" → "/api/v1/users" (/api itself is the platform's). */
    private static String root(String pattern) {
        int from = pattern.startsWith("/api/v1/") ? "/api/v1/".length() : 1;
        int slash = pattern.indexOf('/', from);
        return slash < 0 ? pattern : pattern.substring(0, slash);
    }
}
