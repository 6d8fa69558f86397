package kz.agyn.demo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import kz.agyn.kernel.Sex;
import kz.agyn.registry.keys.NameSkeleton;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The skeleton the name search hashes: one form for a name's Kazakh Cyrillic, Kazakh Latin (2021) and common
 * passport spellings. Kept beside the demonstration's own transliteration, whose names it must join.
 */
class NameSkeletonTest {

    @ParameterizedTest
    @CsvSource({
        "Мамырова, Mamyrova", "Мамырова, Mamırova", "Мамырова, MAMYROVA", "Жұмабаев, Jūmabaev",
        "Жұмабаев, Zhumabayev", "Жумабаев, Zhumabaev", "Әйгерім, Äigerım", "Айгерим, Aigerim", "Әйгерім, Aygerim",
        "Ерлан, Yerlan", "Тоқаев, Tokayev", "Тоқаев, Toqaev", "Ахметов, Akhmetov", "Ахметов, Ahmetov",
        "Ғалым, Galym", "Ғалым, Ğalym", "Асқар, Asqar", "Асқар, Askar", "Нұрлан, Nurlan", "Нұрлан, Nūrlan",
        "Мөлдір, Moldir", "Мольдир, Möldır", "Сәуле, Saule", "Ләззат, Lazzat", "Ляззат, Lyazzat",
        "Шыңғыс, Şyñğys", "Шынар, Shynar", "Үміт, Ümıt", "Һибатолла, Hibatolla", "Қасымов, Kasymov",
        "Сұлтанбекова, Sultanbekova", "Ержан, Yerzhan", "Темірлан, Temirlan", "Ілияс, Ilyas", "Ильяс, Ilyas"
    })
    void cyrillicAndLatinSpellingsShareOneSkeleton(String cyrillic, String latin) {
        assertThat(NameSkeleton.of(latin)).isEqualTo(NameSkeleton.of(cyrillic)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"Мамырова, Мамыров", "Ахметов, Ахмедов", "Сәуле, Салтанат", "Ерлан, Арлан"})
    void differentNamesStayApart(String one, String other) {
        assertThat(NameSkeleton.of(one)).isNotEqualTo(NameSkeleton.of(other));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "' '", "'-'", "'123'"}, nullValues = "NULL")
    void nothingWithoutALetter(String name) {
        assertThat(NameSkeleton.of(name)).isNull();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).map(i -> 0x5EED0000L + i * 7919).boxed();
    }

    /** Every name the demonstration draws, in Kazakh and in its Latin transliteration, meets in one skeleton. */
    @ParameterizedTest
    @MethodSource("seeds")
    void kazakhAndItsLatinTransliterationAgree(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            PersonName[] forms = Names.draw(random, random.nextBoolean() ? Sex.MALE : Sex.FEMALE);
            PersonName kk = forms[0];
            PersonName latin = forms[2];
            assertThat(NameSkeleton.of(latin.last())).as(kk.last()).isEqualTo(NameSkeleton.of(kk.last()));
            assertThat(NameSkeleton.of(latin.first())).as(kk.first()).isEqualTo(NameSkeleton.of(kk.first()));
        }
    }
}
