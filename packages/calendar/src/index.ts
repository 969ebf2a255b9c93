export { AllmendeCalendar } from './allmende-calendar.js';
export type { AllmendeCalendarStatus, CalendarPresence } from './allmende-calendar.js';
export type { CalendarView } from './date-math.js';
export { weekStart } from './date-math.js';
export { calendarMessages } from './calendar-messages.js';
export { packColumns, packLanes } from './layout.js';
export type { ColumnPlacement, DaySpan, TimedSpan } from './layout.js';
export { bindCalendar } from './calendar-api.js';
export type { CalendarApi } from './calendar-api.js';
