import type { Channel } from '@kitchensync/shared';
import { channelLabel } from '../model/ticket-label.ts';

export function ChannelBadge({ channel }: { channel: Channel }) {
  return <span className={`badge badge--${channel}`}>{channelLabel[channel]}</span>;
}
