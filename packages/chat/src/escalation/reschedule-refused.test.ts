import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 18: a reschedule refused or complained of leaves the cancellation standing', () => {
  it('reads the cancellation asked for beside a refused reschedule', () => {
    expect(
      strongSignalCodes('I asked you to cancel my booking, not to reschedule it. Please cancel it.'),
    ).toContain('cancellation_request');
    expect(strongSignalCodes('Please cancel it instead of rescheduling.')).toContain('cancellation_request');
    expect(
      strongSignalCodes(
        '測定キャンセルで🙏 急に出張入っちゃって、日程もまだ読めないので、振替じゃなくキャンセルで！',
      ),
    ).toContain('cancellation_request');
  });

  it('reads our reschedules complained of, and moving house, as no booking change', () => {
    expect(
      strongSignalCodes(
        "Please just cancel everything. Too many rescheduled appointments, I can't keep taking time off.",
      ),
    ).toContain('cancellation_request');
    expect(strongSignalCodes("Please cancel the mediation. We've decided to move out instead.")).toContain(
      'cancellation_request',
    );
  });

  it('still reads a booking moved to another day as a change, not a cancellation', () => {
    expect(strongSignalCodes('Please cancel Friday and reschedule to Monday.')).not.toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes("Please cancel the Friday slot, we'll move it to Monday instead."),
    ).not.toContain('cancellation_request');
    expect(
      strongSignalCodes('Not Monday — please cancel the Friday visit and reschedule it to Tuesday.'),
    ).not.toContain('cancellation_request');
    expect(
      strongSignalCodes('振替じゃなくて来週に変更でお願いします。今の予約はキャンセルで。'),
    ).not.toContain('cancellation_request');
    expect(strongSignalCodes('明日の測定キャンセルで、別の日に振替お願いします')).not.toContain(
      'cancellation_request',
    );
  });
});
