package kz.agyn.demo.registry;

import java.util.Random;
import kz.agyn.kernel.Sex;

/**
 * Common Kazakh first names and surnames, each written once in Kazakh and once in the Russian spelling used in
 * Russian-language documents; the Latin form is transliterated from the Kazakh. The lists are short on purpose:
 * repeated names are realistic and test exact-name search on several hits.
 */
final class Names {

    private static final String[][] MALE = {
        {"Асқар", "Аскар"}, {"Ерлан", "Ерлан"}, {"Нұрлан", "Нурлан"}, {"Бауыржан", "Бауыржан"}, {"Дәурен", "Даурен"},
        {"Ержан", "Ержан"}, {"Айдос", "Айдос"}, {"Арман", "Арман"}, {"Қайрат", "Кайрат"}, {"Серік", "Серик"},
        {"Ғалым", "Галым"}, {"Мұрат", "Мурат"}, {"Талғат", "Талгат"}, {"Жандос", "Жандос"}, {"Әлихан", "Алихан"},
        {"Нұрсұлтан", "Нурсултан"}, {"Дархан", "Дархан"}, {"Ерболат", "Ерболат"}, {"Санжар", "Санжар"},
        {"Темірлан", "Темирлан"}, {"Азамат", "Азамат"}, {"Ақжол", "Акжол"}, {"Бекзат", "Бекзат"},
        {"Данияр", "Данияр"}, {"Олжас", "Олжас"}, {"Рауан", "Рауан"}
    };

    private static final String[][] FEMALE = {
        {"Айгүл", "Айгуль"}, {"Әсем", "Асем"}, {"Гүлнар", "Гульнар"}, {"Динара", "Динара"}, {"Жанар", "Жанар"},
        {"Айжан", "Айжан"}, {"Салтанат", "Салтанат"}, {"Меруерт", "Меруерт"}, {"Ақмарал", "Акмарал"},
        {"Аружан", "Аружан"}, {"Гүлмира", "Гульмира"}, {"Ләззат", "Ляззат"}, {"Назерке", "Назерке"},
        {"Дана", "Дана"}, {"Томирис", "Томирис"}, {"Әйгерім", "Айгерим"}, {"Жұлдыз", "Жулдыз"},
        {"Мөлдір", "Мольдир"}, {"Сәуле", "Сауле"}, {"Інкәр", "Инкар"}, {"Камила", "Камила"}, {"Баян", "Баян"},
        {"Зере", "Зере"}, {"Анар", "Анар"}
    };

    /** Masculine forms; the feminine adds -а in both scripts. */
    private static final String[][] SURNAMES = {
        {"Ахметов", "Ахметов"}, {"Жұмабаев", "Жумабаев"}, {"Нұрланов", "Нурланов"}, {"Сәрсенбаев", "Сарсенбаев"},
        {"Тоқаев", "Токаев"}, {"Әбдірахманов", "Абдрахманов"}, {"Қасымов", "Касымов"}, {"Омаров", "Омаров"},
        {"Бекмұхамбетов", "Бекмухамбетов"}, {"Исабеков", "Исабеков"}, {"Серікбаев", "Серикбаев"},
        {"Есенов", "Есенов"}, {"Мұқанов", "Муканов"}, {"Байжанов", "Байжанов"}, {"Оспанов", "Оспанов"},
        {"Ерғалиев", "Ергалиев"}, {"Төлеуов", "Тулеуов"}, {"Кенжебаев", "Кенжебаев"}, {"Жақыпов", "Жакупов"},
        {"Сұлтанов", "Султанов"}, {"Иманбаев", "Иманбаев"}, {"Әлімжанов", "Алимжанов"}, {"Бекетов", "Бекетов"},
        {"Смағұлов", "Смагулов"}, {"Нұрпейісов", "Нурпеисов"}, {"Ысқақов", "Искаков"}, {"Дүйсенов", "Дюсенов"},
        {"Қожахметов", "Кожахметов"}, {"Әубәкіров", "Аубакиров"}, {"Мамыров", "Мамыров"},
        {"Тұрсынов", "Турсынов"}, {"Жанұзақов", "Женузаков"}
    };

    /** Share of surnames formed from the father's name with -ұлы / -қызы instead of -ов / -ев. */
    private static final double FATHER_NAME_SURNAME = 0.05;
    /** Share of people with no patronymic among the rest. */
    private static final double NO_PATRONYMIC = 0.06;

    private Names() {
    }

    /** Kazakh, Russian and Latin forms of one random name; draws a fixed number of values in a fixed order. */
    static PersonName[] draw(Random random, Sex sex) {
        boolean male = sex == Sex.MALE;
        String[] first = (male ? MALE : FEMALE)[random.nextInt((male ? MALE : FEMALE).length)];
        String[] father = MALE[random.nextInt(MALE.length)];
        String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
        double style = random.nextDouble();

        String lastKk;
        String lastRu;
        String patronymicKk;
        String patronymicRu;
        if (style < FATHER_NAME_SURNAME) {
            lastKk = father[0] + (male ? "ұлы" : "қызы");
            lastRu = father[1] + (male ? "улы" : "кызы");
            patronymicKk = null;
            patronymicRu = null;
        } else {
            lastKk = male ? surname[0] : surname[0] + "а";
            lastRu = male ? surname[1] : surname[1] + "а";
            boolean none = style < FATHER_NAME_SURNAME + NO_PATRONYMIC;
            patronymicKk = none ? null : father[0] + (male ? "ұлы" : "қызы");
            patronymicRu = none ? null : father[1] + (male ? "ович" : "овна");
        }
        return new PersonName[] {
            new PersonName(lastKk, first[0], patronymicKk),
            new PersonName(lastRu, first[1], patronymicRu),
            new PersonName(KazakhLatin.transliterate(lastKk), KazakhLatin.transliterate(first[0]),
                    KazakhLatin.transliterate(patronymicKk))
        };
    }
}
