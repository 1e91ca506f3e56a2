import type { ComponentType } from 'react';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { CreateTicketScreen } from './CreateTicketScreen';
import { TicketListScreen } from './TicketListScreen';

/** The start screen's «Crear ticket de soporte» and «Ver mi lista de tickets» tiles. */
export const ticketsFeatureScreens = {
  'ticket-create': CreateTicketScreen,
  'ticket-list': TicketListScreen,
} satisfies Partial<Record<FeatureId, ComponentType>>;
