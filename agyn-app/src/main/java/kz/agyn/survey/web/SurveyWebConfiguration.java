package kz.agyn.survey.web;

import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The surveys' link in the main menu, and the one route of theirs open to people who are not users. */
@Configuration(proxyBeanMethods = false)
class SurveyWebConfiguration {

    /**
     * The public survey form ({@link PublicFormController}): a respondent has no account, and the one-time link is
     * its own authorization (kz.agyn.survey.FormService). One path segment only: nothing below it is public.
     */
    @Bean
    AccessRule publicSurveyForms() {
        return AccessRule.anyone(100, "/s/*");
    }

    @Bean
    MenuEntry surveysMenuEntry() {
        return MenuEntry.forEveryone(60, "nav.surveys", "/surveys").activeUnder("/surveys/");
    }
}
