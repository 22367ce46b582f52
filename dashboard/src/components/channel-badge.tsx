import type { Channel } from '@kitchensync/shared';
import { channelLabel } from '../model/labels.ts';

export function ChannelBadge({ channel }: { channel: Channel }) {
  return <span className={`channel-badge channel-badge--${channel}`}>{channelLabel[channel]}</span>;
}
