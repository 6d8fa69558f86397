package kz.agyn.forecast.engine;

import kz.agyn.kernel.UserException;

/** Input the engine cannot forecast from, told by a message key ({@code forecast.error.*}) and its arguments. */
public class ForecastException extends UserException {

    public ForecastException(String code, Object... args) {
        super(Kind.INVALID, code, args);
    }
}
