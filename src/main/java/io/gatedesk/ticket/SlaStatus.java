package io.gatedesk.ticket;

/** A ticket's two SLA clocks; either is {@code null} when its priority has no target. */
public record SlaStatus(SlaTimer firstResponse, SlaTimer resolution) {

    /** The worst running state, for the queue row's styling. */
    public SlaTimer.State worst() {
        SlaTimer.State worst = null;
        for (SlaTimer timer : new SlaTimer[]{firstResponse, resolution}) {
            if (timer != null && timer.running() && (worst == null || timer.state().ordinal() > worst.ordinal())) {
                worst = timer.state();
            }
        }
        return worst == null ? SlaTimer.State.RUNNING : worst;
    }
}
