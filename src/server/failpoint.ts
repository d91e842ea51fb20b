/**
 * Named points inside long transactions where the fault suite (test/faults/) stops the process to
 * kill it there: with GIATJA_FAILPOINT=<name> the process announces `FAILPOINT <name>` on stderr
 * when it reaches the point and then waits forever, holding its open transaction. Without the
 * variable (always, in service) a failpoint does nothing.
 *
 * Points: sdp-import.rows-written, attendance.rows-written, remission.grants-written,
 * restore.rows-loaded — each after the operation's writes and before its commit, where a crash
 * would leave partial work if the transaction did not hold.
 */
export type FailpointName = 'sdp-import.rows-written' | 'attendance.rows-written' | 'remission.grants-written' | 'restore.rows-loaded';

export async function failpoint(name: FailpointName): Promise<void> {
  if (process.env.GIATJA_FAILPOINT !== name) return;
  process.stderr.write(`FAILPOINT ${name}\n`);
  await new Promise<never>(() => {});
}
