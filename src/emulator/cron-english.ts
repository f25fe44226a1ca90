const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function clock(hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(h12).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** `1-5` -> "Monday through Friday", `1,3` -> "Monday and Wednesday". */
function listOf(field: string, names: readonly string[], offset: number): string | undefined {
  const name = (text: string) => names[Number(text) - offset] ?? (text === '7' ? names[0] : undefined);
  const range = /^(\d+)-(\d+)$/.exec(field);
  if (range) {
    const [from, to] = [name(range[1] as string), name(range[2] as string)];
    return from && to ? `${from} through ${to}` : undefined;
  }
  const parts = field.split(',').map(name);
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * A job's `english_schedule`, derived from its cron `schedule` the way the workspace shows
 * it ("At 02:00 AM, Monday through Friday"). Schedules beyond the common shapes are
 * described as their cron text; an empty schedule has an empty description.
 */
export function describeCron(schedule: string): string {
  const fields = schedule.trim().split(/\s+/);
  if (schedule.trim() === '') return '';
  if (fields.length !== 5) return `Cron: ${schedule.trim()}`;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  let when: string | undefined;
  const everyMinutes = /^\*\/(\d+)$/.exec(minute);
  const everyHours = /^\*\/(\d+)$/.exec(hour);
  if (minute === '*' && hour === '*') when = 'Every minute';
  else if (everyMinutes && hour === '*') when = `Every ${everyMinutes[1]} minutes`;
  else if (/^\d+$/.test(minute) && hour === '*') when = `At ${minute} minutes past the hour`;
  else if (/^\d+$/.test(minute) && everyHours)
    when = `At ${minute} minutes past the hour, every ${everyHours[1]} hours`;
  else if (/^\d+$/.test(minute) && /^\d+$/.test(hour) && Number(hour) < 24 && Number(minute) < 60)
    when = `At ${clock(Number(hour), Number(minute))}`;
  if (!when) return `Cron: ${schedule.trim()}`;
  const parts = [when];
  if (dom !== '*') {
    if (!/^\d+$/.test(dom)) return `Cron: ${schedule.trim()}`;
    parts.push(`on day ${dom} of the month`);
  }
  if (dow !== '*') {
    const days = listOf(dow, DAYS, 0);
    if (!days) return `Cron: ${schedule.trim()}`;
    parts.push(days);
  }
  if (month !== '*') {
    const months = listOf(month, MONTHS, 1);
    if (!months) return `Cron: ${schedule.trim()}`;
    parts.push(`only in ${months}`);
  }
  if (dom === '*' && dow === '*' && /^At \d/.test(when)) parts.push('every day');
  return parts.join(', ');
}
