// A short-lived message in the corner ("X is now the default PSA"). Mantine's close button has no
// accessible name of its own, so every notification gets one here.
import { notifications, type NotificationData } from '@mantine/notifications';

export function notify(data: NotificationData): string {
  return notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss message' }, ...data });
}
