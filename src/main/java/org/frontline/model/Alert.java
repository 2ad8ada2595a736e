package org.frontline.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One alert a source holds on a record, in the common vocabulary.
 *
 * @param alertId      the source's own identifier of the alert
 * @param category     what kind of alert
 * @param action       what the officer must do
 * @param warnings     officer-safety warnings
 * @param issuedOn     when the source issued it
 * @param restrictions who may see it
 * @param contactPoint who confirms a hit (a national central bureau, a unit, an authority)
 */
public record Alert(String alertId, AlertCategory category, ActionToTake action, List<SafetyWarning> warnings,
                    LocalDate issuedOn, HandlingRestrictions restrictions, String contactPoint) {

    public Alert {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        restrictions = restrictions == null ? HandlingRestrictions.NONE : restrictions;
    }
}
