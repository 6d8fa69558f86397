package kz.agyn.survey;

/** How a question is answered. */
public enum QuestionType {
    /** One option. */
    SINGLE,
    /** Any number of options. */
    MULTIPLE,
    /** Options put in order of importance; the option ranked first is the respondent's main answer. */
    RANKING,
    /** One point of an ordered scale, stored as an option so that its shares can be estimated. */
    LIKERT,
    /** A number. */
    NUMBER,
    /** Free text, limited by the question's maximum length. */
    TEXT;

    public boolean hasOptions() {
        return this != NUMBER && this != TEXT;
    }
}
