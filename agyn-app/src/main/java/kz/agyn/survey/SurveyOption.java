package kz.agyn.survey;

import kz.agyn.reference.Names;

/** An answer option; {@code code} is what files and the API use, {@code id} what the web form posts. */
public record SurveyOption(int id, String code, Names text, boolean none) {

    public SurveyOption(int id, String code, Names text) {
        this(id, code, text, false);
    }
}
