package kz.agyn.demo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KazakhLatinTest {

    @ParameterizedTest
    @CsvSource({
        "Нұрсұлтан, Nūrsūltan",
        "Әйгерім, Äigerım",
        "Інкәр, Inkär",
        "Ысқақов, Ysqaqov",
        "Ғалымқызы, Ğalymqyzy",
        "Жұмабаев, Jūmabaev",
        "Мөлдір, Möldır",
        "Ахметов, Ahmetov",
        "Иманбаев, İmanbaev",
        "Данияр, Daniiar",
        "Бекмұхамбетов, Bekmūhambetov",
        "Асқарұлы, Asqarūly"
    })
    void followsThe2021Alphabet(String cyrillic, String latin) {
        assertThat(KazakhLatin.transliterate(cyrillic)).isEqualTo(latin);
    }

    @ParameterizedTest
    @CsvSource({"Äigerım, Aigerim", "İmanbaev, Imanbaev", "Nūrsūltan, Nursultan", "Ysqaqov, Ysqaqov"})
    void foldsToAsciiForEmail(String latin, String ascii) {
        assertThat(KazakhLatin.ascii(latin)).isEqualTo(ascii);
    }
}
