package kz.agyn.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The note's figures as stored: the headline numbers, their sources, and the contradictions kept. */
class NoteFiguresTest extends AgynTest {

    @Autowired
    NoteFigures figures;

    @Autowired
    FigureFormatter formatter;

    @Test
    void headlineFiguresAreStoredWithTheirSources() {
        NoteFigure emigrants = figures.require("emigrants_2022");
        assertThat(emigrants.value()).isEqualByComparingTo("31287");
        assertThat(emigrants.period()).isEqualTo("2022");
        assertThat(emigrants.citedAs()).isEqualTo("[1]");
        assertThat(figures.source(emigrants.sourceCode())).hasValueSatisfying(s ->
                assertThat(s.citation()).contains("Nasimova"));
        assertThat(figures.require("teacher_pay_kz_2022").value()).isEqualByComparingTo("272188");
        assertThat(figures.require("rnd_spending_kz").value()).isEqualByComparingTo("150000000000");
        assertThat(figures.require("rnd_gdp_kr").value()).isEqualByComparingTo("4.3");
        assertThat(figures.require("bolashak_scholars").value()).isEqualByComparingTo("14033");
        assertThat(figures.require("outflow_cost_per_year").approx()).isTrue();
    }

    @Test
    void tableOneSharesSumToAHundred() {
        BigDecimal sum = figures.find("REASONS", null).stream()
                .filter(f -> f.code().startsWith("reason_")).map(NoteFigure::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("100");
    }

    @Test
    void everySourceOfTheNoteIsKept() {
        assertThat(figures.sources()).containsKeys("note-2024-11-06", "ref1", "ref2", "ref3", "ref4", "ref5", "ref6",
                "cip-published");
        assertThat(figures.all()).allSatisfy(f -> assertThat(figures.sources()).containsKey(f.sourceCode()));
    }

    @Test
    void contradictingFiguresAreBothKeptAndTagged() {
        assertThat(figures.contradictions()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(figures.contradictions()).allSatisfy(c -> assertThat(c.figureCodes()).hasSizeGreaterThanOrEqualTo(2));
        // 1,200 "specialists who left" against 31,287 emigrants: neither replaces the other.
        assertThat(figures.require("emigrants_2022").contradicted()).isTrue();
        assertThat(figures.require("specialists_left_2022").contradicted()).isTrue();
        // The note's 10% against the operator's 1.9%.
        assertThat(figures.require("cip_deprived_share_2024").contradicted()).isTrue();
        // 150 bn against 5 bn KZT for research in 2023.
        assertThat(figures.require("research_budget_2023").contradictions())
                .containsAnyElementsOf(figures.require("rnd_spending_kz").contradictions());
    }

    @Test
    void figuresAreWrittenInTheReadersLanguage() {
        NoteFigure emigrants = figures.require("emigrants_2022");
        assertThat(formatter.format(emigrants, Locale.forLanguageTag("kk"))).isEqualTo("31\u00A0287\u00A0адам");
        assertThat(formatter.format(emigrants, Locale.forLanguageTag("en"))).isEqualTo("31,287\u00A0persons");
        NoteFigure pay = figures.require("teacher_pay_kz_2022");
        assertThat(formatter.format(pay, Locale.forLanguageTag("ru"))).isEqualTo("272\u00A0188\u00A0₸ / мес.");
        NoteFigure budget = figures.require("rnd_spending_kz");
        assertThat(formatter.format(budget, Locale.forLanguageTag("en"))).contains("150\u00A0bn\u00A0₸");
    }
}
