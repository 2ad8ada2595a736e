package org.frontline.border;

/**
 * The machine-readable zones of ICAO Doc 9303: the cards (TD1, 3 lines of 30 characters; TD2, 2 of
 * 36), passports (TD3, 2 of 44) and the visas printed on a passport page (MRV-A, 2 of 44; MRV-B, 2 of 36).
 */
public enum MrzFormat {
    TD1(3, 30), TD2(2, 36), TD3(2, 44), MRV_A(2, 44), MRV_B(2, 36);

    private final int lines;
    private final int width;

    MrzFormat(int lines, int width) {
        this.lines = lines;
        this.width = width;
    }

    public int lines() {
        return lines;
    }

    public int width() {
        return width;
    }

    /** Visas carry no composite check digit and no check digit over their optional data. */
    public boolean isVisa() {
        return this == MRV_A || this == MRV_B;
    }

    /** The name ICAO gives it: TD1, TD2, TD3, MRV-A, MRV-B. */
    public String label() {
        return name().replace('_', '-');
    }
}
