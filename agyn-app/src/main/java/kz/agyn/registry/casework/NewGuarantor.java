package kz.agyn.registry.casework;

/** One guarantor with joint liability as an officer enters them: full name, IIN, contacts, and the number of the
 *  guarantee contract (kept from the first guarantor, who opens the award's security). */
public record NewGuarantor(String name, String iin, String contact, String documentNo) {
}
