<?php
/**
 * Runs when an administrator deletes the plugin: removes its one option.
 *
 * @package IndustrikommunWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'industrikommun_widgets_settings' );
